package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.install.Applier;
import io.lazarus.agent.install.ApplySpec;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;

/** apply and prepare (both async). */
public final class ApplyMethods {
  private final Applier applier;

  public ApplyMethods(Applier applier) {
    this.applier = applier;
  }

  public void register(MethodRegistry registry) {
    registry.async("apply", this::apply);
    registry.async("prepare", this::prepare);
  }

  private Object apply(Arguments args) throws Exception {
    applier.apply(ApplySpec.of(args.requiredObject(0, "apply spec")));
    return "applied";
  }

  private Object prepare(Arguments args) throws Exception {
    applier.prepare(ApplySpec.of(args.requiredObject(0, "apply spec")));
    return "prepared";
  }
}

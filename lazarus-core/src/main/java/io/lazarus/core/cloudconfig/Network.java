package io.lazarus.core.cloudconfig;

import java.util.List;

/** A network of the cloud-config: {@link ManualNetwork}, {@link DynamicNetwork} or {@link VipNetwork}. */
public sealed interface Network permits ManualNetwork, DynamicNetwork, VipNetwork {
  String name();

  /** The name BOSH uses in the {@code type} field. */
  String type();

  /** The azs this network can place instances in; empty when its subnets name none. */
  List<String> azs();
}

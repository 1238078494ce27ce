package io.lazarus.core.planning;

import io.lazarus.core.manifest.CustomProviderDefinition;
import io.lazarus.core.manifest.InstanceGroupNetwork;
import io.lazarus.core.manifest.LinkConsumption;
import io.lazarus.core.manifest.LinkProvision;
import io.lazarus.core.yaml.YamlValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects consumed links to providers with BOSH's rules: a {@code from} picks the provider by its name (or
 * {@code as} alias); without it the single provider of the link's type in the deployment is used, and several
 * are ambiguous; {@code nil} leaves an optional link unconnected; a {@code deployment} other than this one is
 * left for the Director to resolve against shared providers.
 */
final class LinkWiring {
  /** The links of one job, in spec order. */
  record Wiring(List<LinkBinding> consumes, List<LinkSource> provides) {}

  private final String deployment;
  private final Problems problems;
  private final boolean jobsMissing;
  private final Map<String, List<String>> networksOf = new HashMap<>();

  /**
   * @param jobsMissing whether some manifest jobs could not be resolved (their release or job is missing); their
   *     links are unknown, so "no provider" is then not reported: it would only echo the problem already found
   */
  LinkWiring(String deployment, Problems problems, boolean jobsMissing) {
    this.deployment = deployment;
    this.problems = problems;
    this.jobsMissing = jobsMissing;
  }

  /** One wiring per job, in the order given. */
  List<Wiring> wire(List<JobContext> jobs) {
    for (JobContext context : jobs) {
      networksOf.putIfAbsent(context.group().name(), context.group().networks().stream().map(InstanceGroupNetwork::name).toList());
    }
    List<List<LinkSource>> provided = jobs.stream().map(this::providers).toList();
    List<LinkSource> all = provided.stream().flatMap(List::stream).toList();
    List<Wiring> result = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      result.add(new Wiring(consumers(jobs.get(i), all), provided.get(i)));
    }
    return result;
  }

  private List<LinkSource> providers(JobContext context) {
    Map<String, LinkProvision> adjustments = context.job().provides();
    List<LinkSource> sources = new ArrayList<>();
    List<String> providable = new ArrayList<>();
    for (JobSpec.ProvidedLink link : context.spec().provides()) {
      providable.add(link.name());
      provider(context, link.name(), link.type(), link.properties(), adjustments.get(link.name())).ifPresent(sources::add);
    }
    for (CustomProviderDefinition custom : context.job().customProviderDefinitions()) {
      providable.add(custom.name());
      provider(context, custom.name(), custom.type(), custom.properties(), adjustments.get(custom.name())).ifPresent(sources::add);
    }
    for (LinkProvision adjustment : adjustments.values()) {
      if (!providable.contains(adjustment.name())) {
        problems.add(adjustment.path(), context.describe() + " does not provide a link named '" + adjustment.name() + "' (it provides: " + Wording.list(providable) + ")"
            + Wording.didYouMean(adjustment.name(), providable));
      }
    }
    return sources;
  }

  private Optional<LinkSource> provider(JobContext context, String name, String type, List<String> propertyNames, LinkProvision adjustment) {
    if (adjustment != null && adjustment.blocked()) {
      return Optional.empty();
    }
    Map<String, Object> exposed = PropertyResolution.select(context.properties(), propertyNames);
    String alias = adjustment == null ? name : adjustment.as().orElse(name);
    boolean shared = adjustment != null && adjustment.shared();
    return Optional.of(new LinkSource(context.group().name(), context.job().name(), alias, type, shared, exposed));
  }

  private List<LinkBinding> consumers(JobContext context, List<LinkSource> all) {
    Map<String, LinkConsumption> wiring = context.job().consumes();
    List<LinkBinding> bindings = new ArrayList<>();
    List<String> consumable = context.spec().consumes().stream().map(JobSpec.ConsumedLink::name).toList();
    for (JobSpec.ConsumedLink link : context.spec().consumes()) {
      bind(context, link, wiring.get(link.name()), all).ifPresent(bindings::add);
    }
    for (LinkConsumption entry : wiring.values()) {
      if (!consumable.contains(entry.name())) {
        problems.add(entry.path(), context.describe() + " does not consume a link named '" + entry.name() + "' (it consumes: " + Wording.list(consumable) + ")"
            + Wording.didYouMean(entry.name(), consumable));
      }
    }
    return bindings;
  }

  private Optional<LinkBinding> bind(JobContext context, JobSpec.ConsumedLink link, LinkConsumption entry, List<LinkSource> all) {
    String where = entry != null ? entry.path() : context.job().path();
    String subject = context.describe() + " consumes link '" + link.name() + "' of type '" + link.type() + "'";
    if (entry != null && entry.blocked()) {
      if (!link.optional()) {
        problems.add(where, subject + ", which its spec requires, so it cannot be set to nil");
        return Optional.empty();
      }
      return Optional.of(new LinkBinding.Unconnected(link.name(), link.type(), "set to nil in the manifest"));
    }
    if (entry != null && entry.deployment().isPresent() && !entry.deployment().get().equals(deployment)) {
      return Optional.of(new LinkBinding.FromDeployment(link.name(), link.type(), entry.deployment().get(), entry.from()));
    }
    Optional<String> from = entry == null ? Optional.empty() : entry.from();
    List<LinkSource> ofType = all.stream().filter(s -> s.type().equals(link.type())).toList();
    if (from.isPresent()) {
      List<LinkSource> named = all.stream().filter(s -> s.name().equals(from.get())).toList();
      List<LinkSource> candidates = named.stream().filter(s -> s.type().equals(link.type())).toList();
      if (candidates.size() == 1) {
        return bound(context, link, entry, candidates.get(0));
      }
      if (candidates.size() > 1) {
        problems.add(where, subject + " from '" + from.get() + "', but several jobs provide it under that name: " + describe(candidates) + "; give them distinct names with 'as'");
      } else if (!named.isEmpty()) {
        problems.add(where, subject + " from '" + from.get() + "', but '" + from.get() + "' is of type '" + named.get(0).type() + "' (" + named.get(0).describe() + ")");
      } else if (!jobsMissing) {
        problems.add(where, subject + " from '" + from.get() + "', but no job in deployment '" + deployment + "' provides a link named '" + from.get() + "'"
            + (ofType.isEmpty() ? "" : " (providers of type '" + link.type() + "': " + describe(ofType) + ")"));
      }
      return Optional.empty();
    }
    if (ofType.size() == 1) {
      return bound(context, link, entry, ofType.get(0));
    }
    if (ofType.isEmpty()) {
      if (link.optional()) {
        return Optional.of(new LinkBinding.Unconnected(link.name(), link.type(), "optional, and no job in the deployment provides type '" + link.type() + "'"));
      }
      if (jobsMissing) {
        return Optional.empty();
      }
      problems.add(where, subject + ", but no job in deployment '" + deployment + "' provides one; add a job that provides it, or take it from another deployment with 'consumes: {"
          + link.name() + ": {from: <name>, deployment: <deployment>}}'");
      return Optional.empty();
    }
    problems.add(where, subject + ", but several jobs provide one: " + describe(ofType) + "; choose with 'consumes: {" + link.name() + ": {from: <name>}}'");
    return Optional.empty();
  }

  /** Binds, checking that a {@code network} the manifest asks for is one the provider's instances are on. */
  private Optional<LinkBinding> bound(JobContext context, JobSpec.ConsumedLink link, LinkConsumption entry, LinkSource provider) {
    Optional<String> network = entry == null ? Optional.empty() : entry.network();
    if (network.isPresent()) {
      List<String> providerNetworks = networksOf.getOrDefault(provider.instanceGroup(), List.of());
      if (!providerNetworks.contains(network.get())) {
        problems.add(YamlValues.child(entry.path(), "network"), context.describe() + " consumes link '" + link.name() + "' on network '" + network.get() + "', but instance group '"
            + provider.instanceGroup() + "' that provides it is not on that network (its networks: " + Wording.list(providerNetworks) + ")");
        return Optional.empty();
      }
    }
    return Optional.of(new LinkBinding.Bound(link.name(), link.type(), provider, network, entry == null ? Optional.empty() : entry.ipAddresses()));
  }

  private static String describe(List<LinkSource> sources) {
    return String.join(", ", sources.stream().map(LinkSource::describe).toList());
  }
}

package io.lazarus.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A set of addresses kept as sorted, merged ranges, so {@code 10.0.0.2 - 10.0.0.9} costs one entry, not eight. */
public record IpSet(List<IpRange> ranges) {
  public static final IpSet EMPTY = new IpSet(List.of());

  public IpSet {
    ranges = merge(ranges);
  }

  public static IpSet of(List<IpRange> ranges) {
    return new IpSet(ranges);
  }

  private static List<IpRange> merge(List<IpRange> ranges) {
    List<IpRange> sorted = new ArrayList<>(ranges);
    sorted.sort(null);
    List<IpRange> merged = new ArrayList<>();
    for (IpRange range : sorted) {
      IpRange previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && range.first().value() <= previous.last().value() + 1) {
        if (range.last().compareTo(previous.last()) > 0) {
          merged.set(merged.size() - 1, new IpRange(previous.first(), range.last()));
        }
      } else {
        merged.add(range);
      }
    }
    return List.copyOf(merged);
  }

  public boolean contains(Ipv4Address address) {
    return rangeContaining(address).isPresent();
  }

  /** The merged range holding {@code address}: lets the caller skip past it in one step. */
  public Optional<IpRange> rangeContaining(Ipv4Address address) {
    for (IpRange range : ranges) {
      if (range.contains(address)) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }

  /** The first address found in both sets, if any. */
  public Optional<Ipv4Address> firstCommon(IpSet other) {
    for (IpRange mine : ranges) {
      for (IpRange theirs : other.ranges) {
        if (mine.overlaps(theirs)) {
          return Optional.of(mine.first().compareTo(theirs.first()) >= 0 ? mine.first() : theirs.first());
        }
      }
    }
    return Optional.empty();
  }

  /** How many addresses of this set lie inside {@code bounds}. */
  public long countWithin(IpRange bounds) {
    long count = 0;
    for (IpRange range : ranges) {
      long first = Math.max(range.first().value(), bounds.first().value());
      long last = Math.min(range.last().value(), bounds.last().value());
      count += Math.max(0, last - first + 1);
    }
    return count;
  }

  public long size() {
    return ranges.stream().mapToLong(IpRange::size).sum();
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : String.join(", ", ranges.stream().map(IpRange::toString).toList());
  }
}

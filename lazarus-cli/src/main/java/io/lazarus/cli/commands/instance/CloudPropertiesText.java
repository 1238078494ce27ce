package io.lazarus.cli.commands.instance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A VM's cloud properties as the bosh CLI's {@code vms --cloud-properties} shows them: block YAML, keys sorted, empty as nothing. */
final class CloudPropertiesText {
  private CloudPropertiesText() {}

  static String of(Map<String, Object> properties) {
    if (properties == null || properties.isEmpty()) {
      return "";
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(sorted(properties)).strip();
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CloudPropertiesText::sorted).toList();
    }
    return value;
  }
}

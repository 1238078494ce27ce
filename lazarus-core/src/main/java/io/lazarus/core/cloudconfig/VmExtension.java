package io.lazarus.core.cloudconfig;

import java.util.Map;

/** Cloud properties merged into a VM's own when an instance group lists the extension. */
public record VmExtension(String name, Map<String, Object> cloudProperties) {}

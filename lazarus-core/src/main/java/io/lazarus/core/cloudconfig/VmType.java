package io.lazarus.core.cloudconfig;

import java.util.Map;

/** A named set of cloud properties for creating VMs (instance type, CPU, RAM, ...), passed to the CPI as is. */
public record VmType(String name, Map<String, Object> cloudProperties) {}

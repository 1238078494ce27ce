package io.lazarus.core.cloudconfig;

import java.util.Map;
import java.util.Optional;

/** An availability zone; {@code cpi} names the CPI config entry that serves it, when several clouds are used. */
public record Az(String name, Optional<String> cpi, Map<String, Object> cloudProperties) {}

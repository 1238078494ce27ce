package io.lazarus.cpi.external;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiException;
import java.util.Map;

/** Makes the CPI that serves one request, from the request's {@code context} (the CPI's configured properties). */
@FunctionalInterface
public interface CpiFactory {
  Cpi open(Map<String, Object> context) throws CpiException;
}

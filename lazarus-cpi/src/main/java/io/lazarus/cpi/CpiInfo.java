package io.lazarus.cpi;

import java.util.List;

/** The result of the CPI's {@code info} call. */
public record CpiInfo(int apiVersion, List<String> stemcellFormats) {}

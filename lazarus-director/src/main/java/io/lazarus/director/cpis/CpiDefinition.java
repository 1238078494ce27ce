package io.lazarus.director.cpis;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the cpi config ({@code cpis: [{name, type, exec_path, properties}]}).
 *
 * @param name what cloud-config's {@code azs[].cpi} and the records of VMs, disks and stemcells call it
 * @param type {@code local}, {@code dummy} or {@code external}
 * @param execPath the external CPI's program, an absolute path on the Director's machine (external only)
 * @param properties sent in every external CPI request's {@code context} (external only)
 */
public record CpiDefinition(String name, String type, Optional<Path> execPath, Map<String, Object> properties) {}

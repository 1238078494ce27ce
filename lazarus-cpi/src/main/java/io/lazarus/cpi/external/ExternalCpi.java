package io.lazarus.cpi.external;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CpiLog;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A CPI reached through BOSH's external CPI protocol: every call runs the configured executable once, with one JSON
 * request on its stdin ({@code method}, {@code arguments}, {@code context}, {@code api_version: 2}) and one JSON
 * response on its stdout ({@code result}, {@code error}, {@code log}).
 *
 * <p>Thread-safe: calls are independent processes. What the CPI logs goes to the {@link CpiLog} it was made with;
 * {@link #withLog} gives a view of the same CPI that logs elsewhere (e.g. into one task's output).
 */
public final class ExternalCpi implements Cpi {
  private static final TypeReference<Map<String, Network>> NETWORKS = new TypeReference<>() {};

  private final ExternalCpiConfig config;
  private final CpiInvocation invocation;

  public ExternalCpi(ExternalCpiConfig config, CpiLog log) {
    this.config = config;
    this.invocation = new CpiInvocation(config, log);
  }

  public ExternalCpi withLog(CpiLog otherLog) {
    return new ExternalCpi(config, otherLog);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public CpiInfo info() throws CpiException {
    JsonNode result = call(CpiMethod.INFO);
    return decode(result, CpiInfo.class, CpiMethod.INFO);
  }

  @Override
  public String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException {
    return text(call(CpiMethod.CREATE_STEMCELL, image.toAbsolutePath().toString(), cloudProperties),
        CpiMethod.CREATE_STEMCELL);
  }

  @Override
  public void deleteStemcell(String stemcellCid) throws CpiException {
    call(CpiMethod.DELETE_STEMCELL, stemcellCid);
  }

  /** API v2 answers {@code [cid, networks]}; an API v1 CPI answers the cid alone, and the networks are as asked. */
  @Override
  public CreatedVm createVm(VmSpec spec) throws CpiException {
    JsonNode result = call(CpiMethod.CREATE_VM, spec.agentId(), spec.stemcellCid(), spec.cloudProperties(),
        spec.networks(), spec.diskCids(), spec.env());
    if (result != null && result.isArray() && !result.isEmpty()) {
      String cid = text(result.get(0), CpiMethod.CREATE_VM);
      JsonNode networks = result.get(1);
      return new CreatedVm(cid, networks == null || networks.isNull()
          ? spec.networks() : Json.mapper().convertValue(networks, NETWORKS));
    }
    return new CreatedVm(text(result, CpiMethod.CREATE_VM), spec.networks());
  }

  @Override
  public void deleteVm(String vmCid) throws CpiException {
    call(CpiMethod.DELETE_VM, vmCid);
  }

  @Override
  public boolean hasVm(String vmCid) throws CpiException {
    return bool(call(CpiMethod.HAS_VM, vmCid), CpiMethod.HAS_VM);
  }

  @Override
  public void rebootVm(String vmCid) throws CpiException {
    call(CpiMethod.REBOOT_VM, vmCid);
  }

  @Override
  public void setVmMetadata(String vmCid, Map<String, String> metadata) throws CpiException {
    call(CpiMethod.SET_VM_METADATA, vmCid, metadata);
  }

  @Override
  public String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) throws CpiException {
    return text(call(CpiMethod.CREATE_DISK, sizeMb, cloudProperties, vmCid), CpiMethod.CREATE_DISK);
  }

  @Override
  public void deleteDisk(String diskCid) throws CpiException {
    call(CpiMethod.DELETE_DISK, diskCid);
  }

  @Override
  public DiskHint attachDisk(String vmCid, String diskCid) throws CpiException {
    JsonNode result = call(CpiMethod.ATTACH_DISK, vmCid, diskCid);
    return new DiskHint(result == null || result.isNull() ? null : Json.mapper().convertValue(result, Object.class));
  }

  @Override
  public void detachDisk(String vmCid, String diskCid) throws CpiException {
    call(CpiMethod.DETACH_DISK, vmCid, diskCid);
  }

  @Override
  public boolean hasDisk(String diskCid) throws CpiException {
    return bool(call(CpiMethod.HAS_DISK, diskCid), CpiMethod.HAS_DISK);
  }

  private JsonNode call(CpiMethod method, Object... arguments) throws CpiException {
    return invocation.call(method, new ArrayList<>(Arrays.asList(arguments)));
  }

  private String text(JsonNode result, CpiMethod method) throws CpiException {
    if (result == null || !result.isString()) {
      throw unexpected(method, "a string", result);
    }
    return result.stringValue();
  }

  private boolean bool(JsonNode result, CpiMethod method) throws CpiException {
    if (result == null || !result.isBoolean()) {
      throw unexpected(method, "true or false", result);
    }
    return result.booleanValue();
  }

  private <T> T decode(JsonNode result, Class<T> type, CpiMethod method) throws CpiException {
    try {
      return Json.mapper().convertValue(result, type);
    } catch (RuntimeException e) {
      throw unexpected(method, "a " + type.getSimpleName(), result);
    }
  }

  private CpiException unexpected(CpiMethod method, String expected, JsonNode result) {
    return CpiErrors.cloudError("CPI '" + config.name() + "' method '" + method.wireName() + "' returned "
        + result + " where " + expected + " was expected");
  }
}

package io.lazarus.cpi.external;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.VmSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The CPI side of the external CPI protocol: reads one request, dispatches it to a {@link Cpi}, writes one response.
 * Every failure, from unreadable input to a bug, becomes the response's {@code error}; details for people (a stack
 * trace) go to its {@code log}, never elsewhere on the output.
 */
public final class CpiRequestHandler {
  private final CpiFactory factory;

  public CpiRequestHandler(CpiFactory factory) {
    this.factory = factory;
  }

  /** Serves one request from {@code in} with one response on {@code out}. */
  public void handle(InputStream in, OutputStream out) throws IOException {
    StringBuilder log = new StringBuilder();
    Map<String, Object> response = new LinkedHashMap<>();
    try {
      response.put("result", dispatch(parse(in.readAllBytes()), log));
      response.put("error", null);
    } catch (CpiException e) {
      response.put("result", null);
      response.put("error", error(e.type(), e.getMessage(), e.okToRetry()));
    } catch (RuntimeException e) {
      response.put("result", null);
      response.put("error", error(CpiErrors.CLOUD_ERROR, describe(e), false));
      log.append(stackTrace(e));
    }
    response.put("log", log.toString());
    out.write(Json.mapper().writeValueAsBytes(response));
    out.write('\n');
    out.flush();
  }

  private Object dispatch(JsonNode request, StringBuilder log) throws CpiException {
    if (request == null || !request.isObject() || !request.path("method").isString()) {
      throw CpiErrors.cloudError("invalid CPI request: expected a JSON object with 'method', 'arguments' and "
          + "'context'");
    }
    String name = request.get("method").stringValue();
    CpiMethod method = CpiMethod.fromWireName(name).orElseThrow(() -> CpiErrors.notImplemented(name));
    Arguments arguments = new Arguments(name, request.path("arguments"));
    Map<String, Object> context = Json.mapper().convertValue(request.path("context").isObject()
        ? request.get("context") : Json.mapper().createObjectNode(), new TypeReference<Map<String, Object>>() {});
    Object requestId = context.get("request_id");
    log.append(requestId == null ? name : requestId + ": " + name).append('\n');
    Cpi cpi = factory.open(context);
    return switch (method) {
      case INFO -> cpi.info();
      case CREATE_STEMCELL -> cpi.createStemcell(Path.of(arguments.text(0)), arguments.map(1));
      case DELETE_STEMCELL -> {
        cpi.deleteStemcell(arguments.text(0));
        yield null;
      }
      case CREATE_VM -> {
        var created = cpi.createVm(new VmSpec(arguments.text(0), arguments.text(1), arguments.map(2),
            arguments.networks(3), arguments.texts(4), arguments.map(5)));
        yield List.of(created.cid(), created.networks());
      }
      case DELETE_VM -> {
        cpi.deleteVm(arguments.text(0));
        yield null;
      }
      case HAS_VM -> cpi.hasVm(arguments.text(0));
      case REBOOT_VM -> {
        cpi.rebootVm(arguments.text(0));
        yield null;
      }
      case SET_VM_METADATA -> {
        cpi.setVmMetadata(arguments.text(0), arguments.strings(1));
        yield null;
      }
      case CREATE_DISK -> cpi.createDisk(arguments.integer(0), arguments.map(1), arguments.optionalText(2));
      case DELETE_DISK -> {
        cpi.deleteDisk(arguments.text(0));
        yield null;
      }
      case ATTACH_DISK -> cpi.attachDisk(arguments.text(0), arguments.text(1)).value();
      case DETACH_DISK -> {
        cpi.detachDisk(arguments.text(0), arguments.text(1));
        yield null;
      }
      case HAS_DISK -> cpi.hasDisk(arguments.text(0));
    };
  }

  private static JsonNode parse(byte[] request) throws CpiException {
    try {
      return Json.mapper().readTree(request);
    } catch (RuntimeException e) {
      throw CpiErrors.cloudError("invalid CPI request: not JSON (" + e.getMessage().lines().findFirst().orElse("")
          + ")");
    }
  }

  private static Map<String, Object> error(String type, String message, boolean okToRetry) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("message", message);
    error.put("ok_to_retry", okToRetry);
    return error;
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}

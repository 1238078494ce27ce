package io.lazarus.cpi.external;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * One call of an external CPI: run its executable, write one request on its stdin, read one response from its
 * stdout, within the configured time. The response's {@code log} and the process's stderr go to the {@link CpiLog}.
 */
final class CpiInvocation {
  private static final int QUOTE_LENGTH = 200;
  private static final long STREAM_DRAIN_SECONDS = 5;

  private final ExternalCpiConfig config;
  private final CpiLog log;

  CpiInvocation(ExternalCpiConfig config, CpiLog log) {
    this.config = config;
    this.log = log;
  }

  /** Runs {@code method} and returns its {@code result}; a CPI's {@code error} is thrown as it came. */
  JsonNode call(CpiMethod method, List<Object> arguments) throws CpiException {
    String what = "CPI '" + config.name() + "' (" + config.executable() + ") method '" + method.wireName() + "'";
    checkExecutable();
    Process process;
    try {
      process = new ProcessBuilder(config.executable().toString()).start();
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot run " + what + ": " + e.getMessage(), false, e);
    }
    FutureTask<byte[]> stdout = drain(process.getInputStream(), "stdout");
    FutureTask<byte[]> stderr = drain(process.getErrorStream(), "stderr");
    send(process, request(method, arguments));
    awaitExit(process, what);
    String errors = new String(collect(stderr, what), StandardCharsets.UTF_8);
    if (!errors.isEmpty()) {
      log.write(errors);
    }
    String output = new String(collect(stdout, what), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, what + " exited with code " + process.exitValue()
          + (errors.isBlank() ? "" : ": " + quote(errors.strip())), false);
    }
    return result(parse(output, what), what);
  }

  private void checkExecutable() throws CpiException {
    if (!Files.isRegularFile(config.executable())) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          "CPI '" + config.name() + "': executable " + config.executable() + " not found", false);
    }
    if (!Files.isExecutable(config.executable())) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          "CPI '" + config.name() + "': " + config.executable() + " is not executable", false);
    }
  }

  private byte[] request(CpiMethod method, List<Object> arguments) {
    Map<String, Object> context = new LinkedHashMap<>(config.properties());
    context.put("director_uuid", config.directorUuid());
    context.put("request_id", "cpi-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method.wireName());
    request.put("arguments", arguments);
    request.put("context", context);
    request.put("api_version", 2);
    return Json.mapper().writeValueAsBytes(request);
  }

  /** Writes the request; a CPI that exits without reading it is judged by its exit code and output instead. */
  private static void send(Process process, byte[] request) {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(request);
    } catch (IOException e) {
      // Broken pipe: the process ended early; its exit code and output say why.
    }
  }

  private void awaitExit(Process process, String what) throws CpiException {
    try {
      if (!process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(STREAM_DRAIN_SECONDS, TimeUnit.SECONDS);
        throw new CpiException(CpiErrors.CLOUD_ERROR, what + " did not answer within "
            + config.timeout().toSeconds() + " s; its process was killed", true);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CpiException(CpiErrors.CLOUD_ERROR, what + " was interrupted; its process was killed", true, e);
    }
  }

  private static FutureTask<byte[]> drain(InputStream stream, String name) {
    FutureTask<byte[]> task = new FutureTask<>(stream::readAllBytes);
    Thread.ofVirtual().name("cpi-" + name).start(task);
    return task;
  }

  /** What a stream carried; bounded, since a process the CPI left behind may hold the pipe open. */
  private static byte[] collect(FutureTask<byte[]> stream, String what) throws CpiException {
    try {
      return stream.get(STREAM_DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      stream.cancel(true);
      throw new CpiException(CpiErrors.CLOUD_ERROR, what + " exited but a process it left behind keeps its output "
          + "open", true, e);
    } catch (ExecutionException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot read the output of " + what + ": "
          + e.getCause().getMessage(), true, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CpiException(CpiErrors.CLOUD_ERROR, what + " was interrupted", true, e);
    }
  }

  private static JsonNode parse(String output, String what) throws CpiException {
    try {
      JsonNode response = Json.mapper().readTree(output);
      if (response == null || !response.isObject()) {
        throw new CpiException(CpiErrors.CLOUD_ERROR,
            what + " answered with something other than a JSON object: '" + quote(output) + "'", false);
      }
      return response;
    } catch (RuntimeException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          what + " answered with something other than JSON: '" + quote(output) + "'", false, e);
    }
  }

  private JsonNode result(JsonNode response, String what) throws CpiException {
    JsonNode logged = response.get("log");
    if (logged != null && logged.isString() && !logged.stringValue().isEmpty()) {
      log.write(logged.stringValue());
    }
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      JsonNode type = error.get("type");
      JsonNode message = error.get("message");
      if (type == null || !type.isString() || message == null || !message.isString()) {
        throw new CpiException(CpiErrors.CLOUD_ERROR,
            what + " answered with an error lacking 'type' or 'message': " + quote(error.toString()), false);
      }
      JsonNode okToRetry = error.get("ok_to_retry");
      throw new CpiException(type.stringValue(), message.stringValue(), okToRetry != null && okToRetry.asBoolean());
    }
    if (!response.has("result")) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          what + " answered without 'result': " + quote(response.toString()), false);
    }
    return response.get("result");
  }

  private static String quote(String text) {
    return text.length() <= QUOTE_LENGTH ? text : text.substring(0, QUOTE_LENGTH) + "...";
  }
}

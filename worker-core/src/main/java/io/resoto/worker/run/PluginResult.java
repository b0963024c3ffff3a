package io.resoto.worker.run;

/** One plugin's outcome in a run. {@code message} says why it is not complete, else null. */
public record PluginResult(String name, PluginStatus status, double durationSeconds, String message) {}

package io.resoto.worker.run;

/**
 * A failure recorded during a run, with the scope it hit. Scope parts that do not apply are null.
 */
public record CollectError(String plugin, String account, String region, String kind, String message) {

  /** "[plugin account region kind] message", leaving out what is null; a run-wide error is its message. */
  public String describe() {
    StringBuilder scope = new StringBuilder();
    for (String part : new String[] {plugin, account, region, kind}) {
      if (part != null) {
        scope.append(scope.length() == 0 ? "" : " ").append(part);
      }
    }
    return scope.length() == 0 ? message : "[" + scope + "] " + message;
  }
}

package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One {@code POST /graph/{graph}/merge} body as the test core received it.
 *
 * @param taskId the {@code <Prefix>-Worker-Task-Id} header, or null
 * @param nodesHeader the {@code <Prefix>-Worker-Nodes} header, or null
 * @param edgesHeader the {@code <Prefix>-Worker-Edges} header, or null
 * @param contentLength the request's Content-Length, -1 when the body came chunked
 * @param nodes node lines by id, in upload order
 * @param rejected why the core's import rules reject it (reference §3.5), or null when accepted
 */
public record Upload(
    String graph,
    String taskId,
    String nodesHeader,
    String edgesHeader,
    String contentType,
    long contentLength,
    Map<String, JsonNode> nodes,
    List<JsonNode> edges,
    List<JsonNode> deferredEdges,
    String rejected,
    Instant receivedAt) {

  public boolean accepted() {
    return rejected == null;
  }

  /** The replace nodes' ids. */
  public List<String> replaceNodeIds() {
    return nodes.values().stream().filter(ImportCheck::isReplace).map(n -> n.get("id").asText()).toList();
  }

  /** Nodes of the given kind. */
  public List<JsonNode> nodesOfKind(String kind) {
    return nodes.values().stream().filter(n -> kind.equals(n.path("reported").path("kind").asText())).toList();
  }
}

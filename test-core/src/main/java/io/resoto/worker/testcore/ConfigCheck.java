package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Validates a config document against the config model the way the core does before it stores a
 * config: each top-level section whose name is a kind of the model is checked against that kind
 * (no unknown properties, required ones not null, values of the declared kind); sections without a
 * kind are stored unchecked.
 */
final class ConfigCheck {

  private final Kinds model;

  ConfigCheck(Kinds model) {
    this.model = model;
  }

  /** Null when valid, else the first problem with its path. */
  String problem(JsonNode config) {
    if (config == null || !config.isObject()) {
      return "a config is a JSON object";
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      if (model.contains(section.getKey())) {
        String p = value(section.getKey(), section.getValue(), section.getKey());
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private String value(String kind, JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return null;
    }
    String k = kind.strip();
    if (k.endsWith("[]")) {
      if (!value.isArray()) {
        return path + ": expected a list (" + k + ")";
      }
      String element = k.substring(0, k.length() - 2);
      for (int i = 0; i < value.size(); i++) {
        String p = value(element, value.get(i), path + "[" + i + "]");
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    if (k.startsWith("dictionary[") && k.endsWith("]")) {
      if (!value.isObject()) {
        return path + ": expected a dictionary (" + k + ")";
      }
      String inner = k.substring("dictionary[".length(), k.length() - 1);
      int comma = topLevelComma(inner);
      String valueKind = comma < 0 ? "any" : inner.substring(comma + 1).strip();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = value(valueKind, e.getValue(), path + "." + e.getKey());
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    switch (k) {
      case "string", "date", "datetime", "duration":
        return value.isTextual() ? null : path + ": expected " + k + ", got " + value;
      case "int32", "int64":
        return value.isIntegralNumber() ? null : path + ": expected " + k + ", got " + value;
      case "float", "double":
        return value.isNumber() ? null : path + ": expected " + k + ", got " + value;
      case "boolean":
        return value.isBoolean() ? null : path + ": expected boolean, got " + value;
      case "any":
        return null;
      default:
        break;
    }
    JsonNode def = model.get(k);
    if (def == null) {
      return path + ": unknown kind " + k;
    }
    if (def.has("runtime_kind")) {
      String p = value(def.get("runtime_kind").asText(), value, path);
      if (p == null && def.has("enum")) {
        for (JsonNode allowed : def.get("enum")) {
          if (allowed.equals(value)) {
            return null;
          }
        }
        return path + ": " + value + " is not one of " + def.get("enum");
      }
      return p;
    }
    if (!value.isObject()) {
      return path + ": expected an object of kind " + k;
    }
    Map<String, JsonNode> props = model.properties(k);
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!props.containsKey(name)) {
        return path + "." + name + ": not a property of " + k;
      }
    }
    for (JsonNode prop : props.values()) {
      String name = prop.path("name").asText();
      JsonNode v = value.get(name);
      if (prop.path("required").asBoolean(false) && (v == null || v.isNull())) {
        return path + "." + name + ": required";
      }
      String p = value(prop.path("kind").asText("any"), v, path + "." + name);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static int topLevelComma(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}

package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeIdTest {

  @Test
  void matchesPythonForTheDemoGraph() {
    assertThat(NodeId.compute(
            List.of("demo_instance", "demo", "123456789012", "us-east-1", "undefined", "i-0abc")))
        .isEqualTo("JXxZaXq4p9XGKglsivZe9Q");
    assertThat(NodeId.compute(
            List.of("graph_root", "undefined", "undefined", "undefined", "undefined", "root")))
        .isEqualTo("jhGgCglHlbuWRQy1l0y_FA");
    assertThat(NodeId.compute(
            List.of("cloud", "demo", "undefined", "undefined", "undefined", "demo")))
        .isEqualTo("LG1N4T76O9qMVeweryT1ig");
    assertThat(NodeId.compute(List.of(
            "demo_account", "demo", "123456789012", "undefined", "undefined", "123456789012")))
        .isEqualTo("2I089qtpcGlDzQys-Te9rg");
    assertThat(NodeId.compute(List.of(
            "demo_region", "demo", "123456789012", "us-east-1", "undefined", "us-east-1",
            "us-east-1")))
        .isEqualTo("ZP6VTvAQImD0yY1NFysx4Q");
    assertThat(NodeId.compute(
            List.of("demo_volume", "demo", "123456789012", "us-east-1", "undefined", "vol-0def")))
        .isEqualTo("xLwm6v2l4ESrcmzZI1YfHA");
  }

  @Test
  void matchesPythonForQuotesEscapesAndNonAscii() {
    List<String> parts = List.of("it's", "a\"b", "x\\y", "tab\t", "ü€", "\u0000\u2028");
    assertThat(PythonRepr.tuple(parts))
        .isEqualTo("(\"it's\", 'a\"b', 'x\\\\y', 'tab\\t', 'ü€', '\\x00\\u2028')");
    assertThat(NodeId.compute(parts)).isEqualTo("OfpR84Ni1y6oO6wqlzdukQ");
  }

  @Test
  void matchesPythonForNonPrintableClassesAndAstralPlanes() {
    // Expected value computed with CPython 3 (hashlib.blake2b, digest_size=16).
    List<String> parts = List.of(
        "x", "\u007f", "\u0080", "\u00a0", "\u00ad", "\u200b", "\ud7ff", "\ue000",
        "\ud83d\ude00", "\udb40\udc01", "\u00e9", "\\'\"", "\r\n\u001b", " ", "\u3000",
        "\udbff\udfff", "\u0378");
    assertThat(PythonRepr.tuple(parts))
        .isEqualTo("('x', '\\x7f', '\\x80', '\\xa0', '\\xad', '\\u200b', '\\ud7ff', '\\ue000', "
            + "'\ud83d\ude00', '\\U000e0001', '\u00e9', '\\\\\\'\"', '\\r\\n\\x1b', ' ', "
            + "'\\u3000', '\\U0010ffff', '\\u0378')");
    assertThat(NodeId.compute(parts)).isEqualTo("DFMJZQ8bh6DT_bNLwwEzCA");
  }

  @Test
  void idIs22UrlSafeCharacters() {
    String id = NodeId.compute(List.of("a", "b", "c", "d", "e", "f"));
    assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  void oneElementTupleHasTrailingComma() {
    assertThat(PythonRepr.tuple(List.of("a"))).isEqualTo("('a',)");
    assertThat(NodeId.compute(List.of("a"))).isEqualTo("gjI2dcalCU2MP4NyVJqUlQ");
    assertThat(PythonRepr.tuple(List.of())).isEqualTo("()");
  }

  @ParameterizedTest(name = "repr of [{0}] is [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "abc|'abc'",
        "it's|\"it's\"",
        "say \"hi\"|'say \"hi\"'",
        "it's \"x\"|'it\\'s \"x\"'",
        "a\\b|'a\\\\b'",
        "`a b`|'a b'",
      })
  void quotesLikePython(String input, String expected) {
    assertThat(NodeId.pythonRepr(input)).isEqualTo(expected);
  }

  @Test
  void escapesControlCharactersLikePython() {
    assertThat(NodeId.pythonRepr("\n\r\t")).isEqualTo("'\\n\\r\\t'");
    assertThat(NodeId.pythonRepr("\u0001\u001f\u007f")).isEqualTo("'\\x01\\x1f\\x7f'");
    assertThat(NodeId.pythonRepr("\u0085")).isEqualTo("'\\x85'");
    assertThat(NodeId.pythonRepr("\u00a0")).isEqualTo("'\\xa0'");
    assertThat(NodeId.pythonRepr("\u2028\u2029\ufeff")).isEqualTo("'\\u2028\\u2029\\ufeff'");
    assertThat(NodeId.pythonRepr("\ud800")).isEqualTo("'\\ud800'");
    assertThat(NodeId.pythonRepr("\udb80\udc00")).isEqualTo("'\\U000f0000'");
  }

  @Test
  void keepsPrintableNonAscii() {
    assertThat(NodeId.pythonRepr("Grüße €日本 😀")).isEqualTo("'Grüße €日本 😀'");
    assertThat(NodeId.pythonRepr("\u00e9\u0301")).isEqualTo("'\u00e9\u0301'");
  }
}

package io.registry.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterExpressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An AgentService (consul-api.md §3), with a few extra meta keys to exercise map rules. */
  private static final String SERVICE =
      """
      {"ID":"web-1","Service":"web","Tags":["v1","primary"],
       "Meta":{"env":"prod","Env":"upper","k-1":"dash","path":"C:\\\\dir","quote":"say \\"hi\\"",
               "empty":""},
       "Port":8080,"Address":"10.0.0.5","Weights":{"Passing":1,"Warning":1},
       "TaggedAddresses":{"lan":{"Address":"10.0.0.5","Port":8080}},
       "EnableTagOverride":false,"Datacenter":"dc1","Kind":null,"CreateIndex":18446744073709551615}
      """;

  /** A health ServiceEntry (consul-api.md §3): nested objects and an array of checks. */
  private static final String ENTRY =
      """
      {"Node":{"ID":"3e1c","Node":"n1","Address":"10.0.0.5","Datacenter":"dc1",
               "TaggedAddresses":null,"Meta":{"consul-network-segment":"","rack":"r-7"}},
       "Service":{"ID":"web-1","Service":"web","Tags":["v1"],"Meta":{},"Port":8080,
                  "EnableTagOverride":true},
       "Checks":[{"CheckID":"serfHealth","Status":"passing","ServiceTags":[]},
                 {"CheckID":"service:web-1","Status":"critical","ServiceTags":["v1"]}]}
      """;

  /** A service with nothing in it, for the "is empty" side of each kind. */
  private static final String BARE =
      """
      {"ID":"","Service":"db","Tags":[],"Meta":{},"Port":0,"EnableTagOverride":true}
      """;

  private static final Map<String, JsonNode> ELEMENTS =
      Map.of("service", json(SERVICE), "entry", json(ENTRY), "bare", json(BARE));

  static Stream<Arguments> matching() {
    return Stream.of(
        // == and != on strings, quoted, raw and bare
        arguments("Service == \"web\"", "service", true),
        arguments("Service == `web`", "service", true),
        arguments("Service == web", "service", true),
        arguments("Service == \"Web\"", "service", false),
        arguments("Service != \"web\"", "service", false),
        arguments("Service != \"db\"", "service", true),
        arguments("Service==\"web\"", "service", true),
        arguments("ID == \"\"", "bare", true),
        // field names: exact first, then ignoring case
        arguments("service == web", "service", true),
        arguments("SERVICE.tags contains v1", "entry", true),
        // numbers
        arguments("Port == 8080", "service", true),
        arguments("Port == \"8080\"", "service", true),
        arguments("Port == 8080.0", "service", true),
        arguments("Port == 80", "service", false),
        arguments("Port != 80", "service", true),
        arguments("Port == eighty", "service", false),
        arguments("Weights.Passing == 1", "service", true),
        arguments("CreateIndex == 18446744073709551615", "service", true),
        arguments("TaggedAddresses.lan.Port == 8080", "service", true),
        // booleans, with Go's ParseBool spellings
        arguments("EnableTagOverride == false", "service", true),
        arguments("EnableTagOverride == true", "service", false),
        arguments("EnableTagOverride == False", "service", true),
        arguments("EnableTagOverride == 0", "service", true),
        arguments("EnableTagOverride != true", "service", true),
        arguments("EnableTagOverride == maybe", "service", false),
        arguments("Service.EnableTagOverride == true", "entry", true),
        // arrays: membership, emptiness; == is never true on a list
        arguments("\"v1\" in Tags", "service", true),
        arguments("v1 in Tags", "service", true),
        arguments("\"v2\" in Tags", "service", false),
        arguments("\"v2\" not in Tags", "service", true),
        arguments("\"v1\" not in Tags", "service", false),
        arguments("Tags contains \"primary\"", "service", true),
        arguments("Tags contains \"prim\"", "service", false),
        arguments("Tags not contains \"v2\"", "service", true),
        arguments("Tags is empty", "service", false),
        arguments("Tags is not empty", "service", true),
        arguments("Tags is empty", "bare", true),
        arguments("Tags == v1", "service", false),
        arguments("Tags != v1", "service", true),
        // strings: contains / in are substring tests, is empty is length
        arguments("Address contains \"0.0\"", "service", true),
        arguments("\"10.0\" in Address", "service", true),
        arguments("\"11.0\" not in Address", "service", true),
        arguments("Address not contains \"10\"", "service", false),
        arguments("ID is empty", "bare", true),
        arguments("ID is not empty", "service", true),
        // maps: keys for in/contains, dotted and ["..."] access to values
        arguments("Meta contains \"env\"", "service", true),
        arguments("\"k-1\" in Meta", "service", true),
        arguments("\"prod\" in Meta", "service", false),
        arguments("Meta.env == prod", "service", true),
        arguments("Meta.Env == upper", "service", true),
        arguments("Meta[\"env\"] == \"prod\"", "service", true),
        arguments("Meta[`k-1`] == dash", "service", true),
        arguments("Meta[ \"k-1\" ] == \"dash\"", "service", true),
        arguments("Meta.k-1 == dash", "service", true),
        arguments("Meta[\"ENV\"] == \"prod\"", "service", false),
        arguments("Meta is empty", "bare", true),
        arguments("Meta is not empty", "service", true),
        arguments("Meta.empty is empty", "service", true),
        // nested objects
        arguments("Service.Service == web", "entry", true),
        arguments("Service.Tags contains v1", "entry", true),
        arguments("v1 in Service.Tags", "entry", true),
        arguments("Node.Meta[\"consul-network-segment\"] == \"\"", "entry", true),
        arguments("Node.Meta[\"rack\"] == \"r-7\"", "entry", true),
        arguments("Node.Meta.rack matches \"^r-[0-9]+$\"", "entry", true),
        arguments("Service.Meta is empty", "entry", true),
        // through an array of objects: any element
        arguments("Checks.Status == critical", "entry", true),
        arguments("Checks.Status == warning", "entry", false),
        arguments("Checks.Status != warning", "entry", true),
        arguments("Checks.Status != critical", "entry", false),
        arguments("\"passing\" in Checks.Status", "entry", true),
        arguments("Checks.ServiceTags contains v1", "entry", true),
        arguments("Checks is not empty", "entry", true),
        // missing and null: empty, unequal, containing nothing
        arguments("Nope == x", "service", false),
        arguments("Nope != x", "service", true),
        arguments("Nope is empty", "service", true),
        arguments("Nope is not empty", "service", false),
        arguments("Nope contains x", "service", false),
        arguments("Nope not contains x", "service", true),
        arguments("x in Nope", "service", false),
        arguments("x not in Nope", "service", true),
        arguments("Nope matches x", "service", false),
        arguments("Nope not matches x", "service", true),
        arguments("Meta.absent == \"\"", "service", false),
        arguments("Meta.absent is empty", "service", true),
        arguments("Kind is empty", "service", true),
        arguments("Node.TaggedAddresses.lan == x", "entry", false),
        arguments("Node.TaggedAddresses is empty", "entry", true),
        // matches / not matches: unanchored like Go's MatchString
        arguments("Service matches \"^w.b$\"", "service", true),
        arguments("Service matches \"e\"", "service", true),
        arguments("Service matches \"^db\"", "service", false),
        arguments("Service not matches \"^db\"", "service", true),
        arguments("Address matches `^10\\.0\\.`", "service", true),
        arguments("ID matches \"(?P<name>web)-[0-9]\"", "service", true),
        arguments("Port matches \"80\"", "service", false),
        // escapes and raw strings
        arguments("Meta.path == `C:\\dir`", "service", true),
        arguments("Meta.path == \"C:\\\\dir\"", "service", true),
        arguments("Meta.quote == \"say \\\"hi\\\"\"", "service", true),
        arguments("Service == \"w\\x65b\"", "service", true),
        arguments("Service == \"\\u0077eb\"", "service", true),
        arguments("Service == \"\\U00000077\\145b\"", "service", true),
        arguments("Service == \"web\\n\"", "service", false),
        // and / or / not, precedence not > and > or, parentheses
        arguments("Service == web and Port == 8080", "service", true),
        arguments("Service == web and Port == 80", "service", false),
        arguments("Service == db or Port == 8080", "service", true),
        arguments("Service == db or Port == 80", "service", false),
        arguments("not Service == db", "service", true),
        arguments("not not Service == db", "service", false),
        arguments("not (Service == web)", "service", false),
        arguments("not(Service == web)", "service", false),
        // "or" binds loosest: true or (false and false)
        arguments("Service == web or Port == 1 and Port == 2", "service", true),
        arguments("(Service == web or Port == 1) and Port == 2", "service", false),
        // "not" binds tighter than "and": (not true) and true
        arguments("not Service == web and Port == 8080", "service", false),
        arguments("not (Service == web and Port == 1)", "service", true),
        arguments("((Service == web))", "service", true),
        arguments("  ( Tags contains v1 )\n and\t(Port == 8080 or Port == 80) ", "service", true),
        arguments("Port == 1 or Port == 2 or Port == 3 or Service == web", "service", true),
        // a word that merely starts with a keyword is a field
        arguments("notes is empty and Notes is empty and order is empty", "service", true));
  }

  @ParameterizedTest(name = "[{1}] {0} -> {2}")
  @MethodSource("matching")
  void evaluates(String expression, String element, boolean expected) {
    JsonNode json = ELEMENTS.get(element);
    assertThat(FilterExpression.parse(expression).matches(json)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("", "empty expression"),
        arguments("   ", "empty expression"),
        arguments("(Service == web", "unbalanced parentheses"),
        arguments("((Service == web)", "unbalanced parentheses"),
        arguments("Service == web)", "unbalanced parentheses"),
        arguments("()", "expected a selector"),
        arguments("Service ==", "expected a value after \"==\""),
        arguments("Service != )", "expected a value after \"!=\""),
        arguments("Tags contains", "expected a value after \"contains\""),
        arguments("Service > 1", "expected an operator"),
        arguments("Service = web", "expected an operator"),
        arguments("Service", "expected an operator"),
        arguments("Service is", "expected \"empty\""),
        arguments("Service is not", "expected \"empty\""),
        arguments("Service not equals web", "after \"not\""),
        arguments("Service IS EMPTY", "expected an operator"),
        arguments("Service == web AND Port == 1", "expected \"and\", \"or\""),
        arguments("Service == web and", "expected a selector"),
        arguments("or Service == web", "expected an operator"),
        arguments("Service == web Port == 1", "unexpected \"Port\""),
        arguments("\"v1\" Tags", "expected \"in\" or \"not in\""),
        arguments("\"v1\" in", "expected a selector"),
        arguments("\"v1\" in \"Tags\"", "expected a selector"),
        arguments("Service == \"web", "unterminated string literal"),
        arguments("Service == `web", "unterminated raw string literal"),
        arguments("Service == \"a\\qb\"", "invalid escape sequence"),
        arguments("Service == \"\\xZZ\"", "invalid escape sequence"),
        arguments("Service == \"\\uD800\"", "invalid Unicode escape"),
        arguments("Meta[env] == x", "expected a quoted key"),
        arguments("Meta[\"env\" == x", "expected \"]\""),
        arguments("Meta. == x", "expected a field name"),
        arguments("Service matches \"(\"", "invalid regular expression"),
        arguments("Service matches \"[a-\"", "invalid regular expression"),
        arguments("not", "expected a selector"),
        arguments("== web", "expected a selector"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalid")
  void rejects(String expression, String messageFragment) {
    assertThatThrownBy(() -> FilterExpression.parse(expression))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining(messageFragment)
        .hasMessageMatching("(?s)\\d+:\\d+ \\(\\d+\\): .*")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void errorsSayWhereParsingFailed() {
    assertThatThrownBy(() -> FilterExpression.parse("Service == web and Port >= 1"))
        .hasMessageStartingWith("1:25 (24): expected an operator");
    assertThatThrownBy(() -> FilterExpression.parse("Service == web\nand ( Port == 1"))
        .hasMessageStartingWith("2:16 (30): unbalanced parentheses");
  }

  @Test
  void nullExpressionIsEmpty() {
    assertThatThrownBy(() -> FilterExpression.parse(null))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("empty expression");
  }

  @Test
  void deepNestingIsRejectedNotAStackOverflow() {
    String deep = "(".repeat(10_000) + "Port == 1" + ")".repeat(10_000);
    assertThatThrownBy(() -> FilterExpression.parse(deep))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("nested too deeply");
    String nots = "not ".repeat(10_000) + "Port == 1";
    assertThatThrownBy(() -> FilterExpression.parse(nots)).isInstanceOf(FilterException.class);
  }

  @Test
  void longFlatChainsAreFine() {
    String chain = "Port == 1 or ".repeat(5_000) + "Service == web";
    assertThat(FilterExpression.parse(chain).matches(ELEMENTS.get("service"))).isTrue();
  }

  @Test
  void catastrophicRegexGivesUpInsteadOfHanging() {
    // Java memoizes the textbook (a+)+ cases; a backreference defeats that (RE2 would reject
    // it; Java takes seconds at 22 characters and doubles from there without the budget).
    JsonNode element = json("{\"Service\":\"" + "a".repeat(40) + "!\"}");
    FilterExpression filter = FilterExpression.parse("Service matches `^((a+)\\2?)+$`");
    long start = System.nanoTime();
    assertThat(filter.matches(element)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void nonObjectElementsMatchOnlyEmptiness() {
    assertThat(FilterExpression.parse("Service == web").matches(json("[1,2]"))).isFalse();
    assertThat(FilterExpression.parse("Service is empty").matches(json("null"))).isTrue();
  }

  @Test
  void keepsTheSourceText() {
    assertThat(FilterExpression.parse("Port == 1")).hasToString("Port == 1");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

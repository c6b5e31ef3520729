package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.standalone.ExampleRequests.Example;
import org.district.standalone.ServedEndpoints.Endpoint;
import org.district.standalone.ServedEndpoints.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Every endpoint, sent bad input as the admin (so that access is never the reason for a refusal):
 * malformed JSON, values of the wrong type in each field, huge strings, deep nesting, Unicode edge
 * cases, SQL and script injection, in bodies and in path and query parameters. Each answer is a
 * 4xx problem that writes nothing to the database, or, where the input is a valid value after all,
 * a success that stores it as the very text it was; never a 5xx. The endpoints and their
 * parameters come from the OpenAPI document; the valid request each case spoils from
 * {@link ExampleRequests}.
 */
class BadInputSweepIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "长".repeat(100_000);
    private static final String SQL = "' OR 1=1 --'; drop table notice; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    /** Valid but unusual text: a right-to-left override, an emoji outside the BMP, combining marks, a CJK extension character. */
    private static final String EXOTIC = "\u202eabc\u202c 🧧 e\u0301\u0302 𠀀";
    /** Ten thousand nested arrays: far past the platform's nesting limit. */
    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);

    private static RunningPlatform platform;
    private static ExampleRequests examples;
    private static ServedEndpoints served;
    private static DatabaseState database;
    private static Map<String, String> contents;

    @BeforeAll
    static void start() {
        platform = DatabaseState.readableWhileRunning(RunningPlatform.create()).start();
        examples = ExampleRequests.create(platform);
        served = ServedEndpoints.of(platform);
        database = DatabaseState.of(platform);
        contents = database.contents();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        platform.close();
    }

    // --- what every answer must be

    /** How a case's answer is judged: refused outright, or refused unless the value is valid after all. */
    private enum Expect { REFUSED, REFUSED_OR_STORED_VERBATIM, REFUSED_OR_ANSWERED, TOO_LARGE, REFUSED_BY_JETTY }

    /**
     * One bad input: the request (a body with {@code {unique}} values filled at sending, its UTF-8
     * spoilt when {@code spoilt}), what it must come to, and for a stored value where it lies in the body.
     */
    private record Case(String name, Example example, String path, String contentType, String body, boolean spoilt, Expect expect,
            String field, String value) {

        byte[] bytes() {
            String text = examples.fresh(body);
            return spoilt ? invalidUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static DynamicTest test(Case c) {
        return DynamicTest.dynamicTest(c.name(), () -> check(c));
    }

    private static void check(Case c) {
        HttpRequest.Builder request = c.example().headed(platform.request(ExampleRequests.encode(examples.fresh(c.path()))));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.example().method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.bytes()));
        Reply reply = ExampleRequests.send(platform, RunningPlatform.asAdmin(request));
        String what = "[" + c.name() + "] " + c.example().method() + " " + c.path() + " → " + brief(reply);
        Map<String, String> after = database.contents();
        String changes = DatabaseState.changes(contents, after);
        contents = after;
        if (reply.status() == 0 || reply.status() >= 500) {
            fail("a server error or no answer: " + what);
        }
        if (c.expect() == Expect.REFUSED_BY_JETTY) {
            // Refused by Jetty's URI checks before any servlet runs, with Jetty's own error page: see JETTY_REFUSES.
            assertEquals(400, reply.status(), what);
            assertTrue(changes.isEmpty(), "refused, yet the database changed: " + changes + "\n" + what);
            return;
        }
        if (reply.status() >= 400) {
            assertProblem(reply, what);
            if (c.expect() == Expect.TOO_LARGE) {
                assertEquals(413, reply.status(), what);
            }
            assertTrue(changes.isEmpty(), "refused, yet the database changed: " + changes + "\n" + what);
            return;
        }
        if (c.expect() == Expect.REFUSED || c.expect() == Expect.TOO_LARGE) {
            fail("bad input was accepted: " + what);
        }
        if (c.expect() == Expect.REFUSED_OR_STORED_VERBATIM) {
            assertStoredVerbatim(c, reply, what);
        }
        if (c.value() != null && (c.value().equals(SQL) || c.value().equals(SCRIPT)) && reply.contentType().startsWith("application/json")
                && reply.json().has("total") && c.example().method().equals("GET")) {
            assertEquals(0, reply.json().get("total").asLong(), "an injection string as a filter matches nothing: " + what);
        }
    }

    private static void assertProblem(Reply reply, String what) {
        assertTrue(reply.isProblem(), "a 4xx without a problem body: " + what);
        JsonNode problem = reply.json();
        assertEquals(reply.status(), problem.path("status").asInt(), what);
        assertTrue(!problem.path("title").asText().isBlank() && !problem.path("detail").asText().isBlank(), "a problem without title and detail: " + what);
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("\tat "), "a stack trace: " + what);
    }

    /** Accepted: the value comes back as it was sent, in the answer and in the record read again. */
    private static void assertStoredVerbatim(Case c, Reply reply, String what) {
        String pointer = pointer(c.field());
        if (reply.contentType().startsWith("application/json")) {
            JsonNode answered = reply.json().at(pointer);
            if (answered.isTextual()) {
                assertEquals(c.value(), answered.asText(), "not stored verbatim (the answer): " + what);
            }
        }
        String location = reply.headers().getOrDefault("location", List.of()).stream().findFirst().orElse(null);
        if (location != null) {
            Reply read = platform.getAsAdmin(URI.create(location).getRawPath());
            if (read.status() == 200 && read.contentType().startsWith("application/json")) {
                JsonNode stored = read.json().at(pointer);
                if (stored.isTextual()) {
                    assertEquals(c.value(), stored.asText(), "not stored verbatim (read again): " + what);
                }
            }
        }
    }

    private static String pointer(String field) {
        return field == null ? "/-" : "/" + field.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
    }

    private static String brief(Reply reply) {
        String body = reply.body().length() > 400 ? reply.body().substring(0, 400) + "…" : reply.body();
        return reply.status() + " " + reply.contentType() + " " + body;
    }

    // --- the sweep

    @Test
    void theOpenApiDocumentSaysWhichEndpointsTakeWhichBody() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : served.all()) {
            Example example = examples.get(endpoint.key());
            if (example == null) {
                wrong.add(endpoint.key() + ": no example request in ExampleRequests");
            } else if (example.body() != null && !endpoint.bodyTypes().contains(example.contentType())) {
                wrong.add(endpoint.key() + " takes " + example.contentType() + " but the document says " + endpoint.bodyTypes());
            } else if (example.body() == null && endpoint.takesBody()) {
                wrong.add(endpoint.key() + " takes no body but the document says " + endpoint.bodyTypes());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @TestFactory
    Stream<DynamicNode> jsonBodies() {
        return served.all().stream().filter(Endpoint::takesJson).filter(e -> examples.get(e.key()) != null)
                .map(e -> DynamicContainer.dynamicContainer(e.key(), jsonCases(examples.get(e.key())).stream().map(BadInputSweepIT::test)));
    }

    @TestFactory
    Stream<DynamicNode> fileBodies() {
        return served.all().stream().filter(e -> e.takesBody() && !e.takesJson()).filter(e -> examples.get(e.key()) != null)
                .map(e -> DynamicContainer.dynamicContainer(e.key(), fileCases(examples.get(e.key())).stream().map(BadInputSweepIT::test)));
    }

    @TestFactory
    Stream<DynamicNode> pathAndQueryParameters() {
        return served.all().stream().filter(e -> !e.parameters().isEmpty()).filter(e -> examples.get(e.key()) != null)
                .map(e -> DynamicContainer.dynamicContainer(e.key(), parameterCases(e, examples.get(e.key())).stream().map(BadInputSweepIT::test)));
    }

    // --- bodies

    private static List<Case> jsonCases(Example example) {
        List<Case> cases = new ArrayList<>();
        String valid = example.body();
        String json = "application/json";
        cases.add(refused("malformed: cut off halfway", example, json, valid.substring(0, valid.length() / 2)));
        cases.add(refused("malformed: trailing garbage", example, json, valid + " }"));
        cases.add(refused("malformed: not JSON at all", example, json, "title=Night+market&body=hello"));
        cases.add(refused("malformed: a list where an object belongs", example, json, "[" + valid + "]"));
        cases.add(refused("malformed: a bare string", example, json, "\"" + SCRIPT + "\""));
        cases.add(new Case("malformed: invalid UTF-8", example, example.path(), json, valid, true, Expect.REFUSED, null, null));
        cases.add(new Case("malformed: no body", example, example.path(), json, null, false, Expect.REFUSED, null, null));
        cases.add(refused("deep nesting: 10,000 nested arrays as the body", example, json, DEEP));
        cases.add(refused("a field the request does not have", example, json, with(valid, "unexpected", IntNode.valueOf(1))));
        cases.add(refused("the body as text/plain", example, "text/plain", valid));
        cases.add(new Case("over 1 MiB", example, example.path(), json, "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}", false,
                Expect.TOO_LARGE, null, null));
        JsonNode template = parse(valid);
        List<String> fields = new ArrayList<>();
        leaves(template, "", fields);
        String first = fields.isEmpty() ? null : fields.get(0).split("[.\\[]")[0];
        if (first != null) {
            cases.add(refused("deep nesting: 10,000 nested arrays in " + first, example, json, replaced(template, first, parse("[]"), DEEP)));
        }
        for (String field : fields) {
            JsonNode value = at(template, field);
            for (JsonNode wrong : wrongTypes(value)) {
                boolean asAFormSendsIt = SETTINGS_AS_FORMS_SEND_THEM.contains(example.endpoint())
                        && (wrong.isTextual() || wrong.isArray() && wrong.size() == 1);
                cases.add(new Case(field + ": wrong type " + wrong, example, example.path(), json, replaced(template, field, wrong, null), false,
                        asAFormSendsIt ? Expect.REFUSED_OR_ANSWERED : Expect.REFUSED, null, null));
            }
            if (value.isTextual()) {
                cases.add(text(field + ": 100,000 characters", example, template, field, HUGE));
                cases.add(text(field + ": SQL injection", example, template, field, SQL));
                cases.add(text(field + ": script injection", example, template, field, SCRIPT));
                // Escaped in the JSON text: as a Java string it has no UTF-8 form, and would go out as '?'.
                cases.add(new Case(field + ": a lone surrogate", example, example.path(), "application/json",
                        replaced(template, field, null, "\"a\\ud800b\""), false, Expect.REFUSED_OR_STORED_VERBATIM, field, "a\ud800b"));
                cases.add(text(field + ": NUL", example, template, field, "a\u0000b"));
                cases.add(text(field + ": right-to-left override, emoji, combining marks", example, template, field, EXOTIC));
            }
        }
        return cases;
    }

    /**
     * Endpoints whose contract takes a value as text, or as a list of one, on purpose: a module's
     * settings, as a form sends them (checked against the setting's Metatype definition instead).
     */
    private static final java.util.Set<String> SETTINGS_AS_FORMS_SEND_THEM = java.util.Set.of("PUT /api/admin/modules/{id}/config/{pid}");

    private static Case refused(String name, Example example, String contentType, String body) {
        return new Case(name, example, example.path(), contentType, body, false, Expect.REFUSED, null, null);
    }

    private static Case text(String name, Example example, JsonNode template, String field, String value) {
        return new Case(name, example, example.path(), "application/json", replaced(template, field, TextNode.valueOf(value), null), false,
                Expect.REFUSED_OR_STORED_VERBATIM, field, value);
    }

    /** Values of another type than the example's. */
    private static List<JsonNode> wrongTypes(JsonNode value) {
        List<JsonNode> wrong = new ArrayList<>();
        if (value.isTextual()) {
            wrong.add(IntNode.valueOf(42));
            wrong.add(BooleanNode.TRUE);
            wrong.add(NODES.objectNode().put("text", value.asText()));
        } else if (value.isIntegralNumber()) {
            wrong.add(TextNode.valueOf(value.asText()));
            wrong.add(NODES.numberNode(1.5));
            wrong.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
            wrong.add(NODES.arrayNode().add(value));
        } else if (value.isNumber()) {
            wrong.add(TextNode.valueOf(value.asText()));
            wrong.add(BooleanNode.TRUE);
            wrong.add(NODES.numberNode(new java.math.BigDecimal("1e999")));
        } else if (value.isBoolean()) {
            wrong.add(TextNode.valueOf("yes"));
            wrong.add(IntNode.valueOf(1));
        } else if (value.isArray()) {
            wrong.add(TextNode.valueOf("x"));
            wrong.add(NODES.objectNode());
        } else if (value.isObject()) {
            wrong.add(TextNode.valueOf("x"));
            wrong.add(NODES.arrayNode());
        }
        return wrong;
    }

    /** Every field, and each list's first element, as paths like {@code closures[0].date}. */
    private static void leaves(JsonNode node, String path, List<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                into.add(child);
                leaves(field.getValue(), child, into);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String child = path + "[0]";
            into.add(child);
            leaves(node.get(0), child, into);
        }
    }

    private static JsonNode at(JsonNode root, String field) {
        return root.at(pointer(field));
    }

    /** The template with one field's value replaced; {@code raw}, when given, is written in place of the value as it is. */
    private static String replaced(JsonNode template, String field, JsonNode value, String raw) {
        JsonNode copy = template.deepCopy();
        String pointer = pointer(field);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode placed = raw == null ? value : TextNode.valueOf("\u0001raw\u0001");
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), placed);
        } else {
            ((ObjectNode) parent).set(last, placed);
        }
        String json = copy.toString();
        return raw == null ? json : json.replace("\"\\u0001raw\\u0001\"", raw);
    }

    private static String with(String json, String field, JsonNode value) {
        ObjectNode copy = (ObjectNode) parse(json);
        copy.set(field, value);
        return copy.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return RunningPlatform.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("the example is not JSON: " + json, e);
        }
    }

    /** The body with an invalid UTF-8 sequence (a lead byte without its continuation) inside its first string. */
    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(":\"");
        byte[] spoiled = new byte[bytes.length + 2];
        int at = quote < 0 ? 1 : json.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(bytes, 0, spoiled, 0, at);
        spoiled[at] = (byte) 0xC3;
        spoiled[at + 1] = (byte) 0x28;
        System.arraycopy(bytes, at, spoiled, at + 2, bytes.length - at);
        return spoiled;
    }

    private static List<Case> fileCases(Example example) {
        List<Case> cases = new ArrayList<>();
        String type = example.contentType();
        String valid = example.body();
        String header = valid.substring(0, valid.indexOf('\n') + 1);
        String row = valid.substring(header.length(), valid.indexOf('\n', header.length()));
        String[] cells = row.split(",", -1);
        cases.add(file("an empty file", example, type, "", false, Expect.REFUSED_OR_ANSWERED));
        cases.add(file("the header alone", example, type, header, false, Expect.REFUSED_OR_ANSWERED));
        cases.add(file("a row cut off", example, type, header + row.substring(0, row.length() / 2), false, Expect.REFUSED_OR_ANSWERED));
        cases.add(file("bytes that are not text", example, type, "\u0089PNG\u0000\u0000\u00ff\u00fe\u001a", false, Expect.REFUSED_OR_ANSWERED));
        cases.add(file("invalid UTF-8", example, type, valid, true, Expect.REFUSED_OR_ANSWERED));
        cases.add(file("JSON instead of CSV", example, "application/json", "{\"lat\":30.6}", false, Expect.REFUSED));
        cases.add(file("over 1 MiB", example, type, header + (row + "\n").repeat(1_100_000 / row.length() + 1), false, Expect.TOO_LARGE));
        for (int i = 0; i < cells.length; i++) {
            for (String[] bad : new String[][] { { "SQL injection", SQL.replace(",", " ") }, { "script injection", SCRIPT },
                    { "100,000 characters", HUGE }, { "NUL", "a\u0000b" }, { "a formula", "=HYPERLINK(\"http://x\")" } }) {
                String[] spoiled = cells.clone();
                spoiled[i] = bad[1];
                cases.add(file("column " + (i + 1) + ": " + bad[0], example, type, header + String.join(",", spoiled) + "\n", false,
                        Expect.REFUSED_OR_ANSWERED));
            }
        }
        return cases;
    }

    private static Case file(String name, Example example, String type, String body, boolean spoilt, Expect expect) {
        return new Case(name, example, example.path(), type, body, spoilt, expect, null, null);
    }

    // --- path and query parameters

    private static List<Case> parameterCases(Endpoint endpoint, Example example) {
        List<Case> cases = new ArrayList<>();
        for (Parameter parameter : endpoint.parameters()) {
            boolean inPath = parameter.in().equals("path");
            for (String[] value : badValues(parameter)) {
                String path = inPath ? withPathParameter(endpoint.path(), example.path(), parameter.name(), value[1])
                        : withQueryParameter(example.path(), parameter.name(), value[1]);
                if (path == null) {
                    continue;
                }
                Expect expect = inPath && JETTY_REFUSES.matcher(value[1]).find() ? Expect.REFUSED_BY_JETTY
                        : WRONG_TYPE.contains(value[1]) && !parameter.type().equals("string") && !parameter.type().equals("array") ? Expect.REFUSED
                        : Expect.REFUSED_OR_ANSWERED;
                cases.add(new Case(parameter.in() + " " + parameter.name() + ": " + value[0], example, path, example.contentType(), example.body(),
                        false, expect, null, value.length > 2 ? value[2] : null));
            }
        }
        return cases;
    }

    /**
     * In a path, an encoded NUL, slash or backslash, or bytes that are not UTF-8, are refused by
     * Jetty's URI checks before the platform sees the request, with Jetty's HTML page: Felix's Jetty
     * offers no way to answer those with a problem. That they are refused is what is checked.
     */
    private static final Pattern JETTY_REFUSES = Pattern.compile("%00|%2F|%5C|%C3%28|%ED%A0%80", Pattern.CASE_INSENSITIVE);

    /** Values of the wrong type for a typed parameter: refused outright, whatever the parameter is for. */
    private static final java.util.Set<String> WRONG_TYPE = java.util.Set.of("abc", "1.5", "99999999999999999999", "maybe");

    /**
     * Bad values for a parameter of this type, each a name and the value as it goes in the URI
     * (percent-encoded where needed), and for a text parameter the text itself.
     */
    private static List<String[]> badValues(Parameter parameter) {
        List<String[]> values = new ArrayList<>();
        boolean text = false;
        switch (parameter.type()) {
            case "integer" -> {
                values.add(new String[] { "not a number", "abc" });
                values.add(new String[] { "a fraction", "1.5" });
                values.add(new String[] { "past the largest long", "99999999999999999999" });
                values.add(new String[] { "the largest int", "2147483647" });
                values.add(new String[] { "the smallest int", "-2147483648" });
                values.add(new String[] { "negative", "-1" });
            }
            case "number" -> {
                values.add(new String[] { "not a number", "abc" });
                values.add(new String[] { "NaN", "NaN" });
                values.add(new String[] { "infinite", "Infinity" });
                values.add(new String[] { "past the largest double", "1e999" });
            }
            case "boolean" -> values.add(new String[] { "neither true nor false", "maybe" });
            default -> text = true;
        }
        values.add(text ? new String[] { "SQL injection", encode(SQL), SQL } : new String[] { "SQL injection", encode(SQL) });
        values.add(text ? new String[] { "script injection", encode(SCRIPT), SCRIPT } : new String[] { "script injection", encode(SCRIPT) });
        values.add(new String[] { "2,000 characters", "x".repeat(2000) });
        values.add(new String[] { "NUL", "a%00b" });
        values.add(new String[] { "invalid UTF-8", "a%C3%28b" });
        values.add(new String[] { "an encoded surrogate", "a%ED%A0%80b" });
        values.add(new String[] { "right-to-left override, emoji, combining marks", encode(EXOTIC) });
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The example's path with one path parameter replaced; null when the example does not address it. */
    private static String withPathParameter(String template, String example, String name, String value) {
        String query = example.contains("?") ? example.substring(example.indexOf('?')) : "";
        String path = example.substring(0, example.length() - query.length());
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
            names.add(m.group(1).strip());
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher filled = Pattern.compile(regex.toString()).matcher(path);
        if (!filled.matches()) {
            throw new AssertionError("the example " + example + " does not match " + template);
        }
        int group = names.indexOf(name) + 1;
        if (template.contains("{" + name + ":")) {
            return null; // a parameter with a pattern of its own: anything else is another address
        }
        return path.substring(0, filled.start(group)) + value + path.substring(filled.end(group)) + query;
    }

    private static String withQueryParameter(String example, String name, String value) {
        String path = example.contains("?") ? example.substring(0, example.indexOf('?')) : example;
        List<String> parameters = new ArrayList<>();
        if (example.contains("?")) {
            for (String pair : example.substring(example.indexOf('?') + 1).split("&")) {
                if (!pair.startsWith(name + "=")) {
                    parameters.add(pair);
                }
            }
        }
        parameters.add(name + "=" + value);
        return path + "?" + String.join("&", parameters);
    }
}

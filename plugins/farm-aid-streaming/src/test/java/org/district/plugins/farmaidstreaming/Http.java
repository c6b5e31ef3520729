package org.district.plugins.farmaidstreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's API as a coordinator's script speaks it: signed in as an account with the module's roles. */
final class Http {

    static final String API = "/api/farm-aid-streaming";
    static final String PASSWORD = "farm-aid-test-password";
    /** Reads amounts as the exact decimals they are sent as, never as doubles. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final RunningPlatform platform;
    private final String user;

    Http(RunningPlatform platform, String user) {
        this.platform = platform;
        this.user = user;
    }

    /** Adds an account with these roles to the platform and speaks as it. */
    static Http account(RunningPlatform platform, String user, String... roles) {
        platform.addAccount(user, PASSWORD, roles);
        return new Http(platform, user);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = platform.request(API + path);
        return user == null ? request : request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    Reply get(String path) {
        return platform.send(request(path).GET());
    }

    Reply post(String path, String json) {
        return platform.send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return platform.send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return platform.send(request(path).DELETE());
    }

    /** The id of what a POST created; fails with the answer when it was not created. */
    long create(String path, String json) {
        Reply created = post(path, json);
        assertEquals(201, created.status(), path + " " + json + " -> " + created);
        return created.json().get("id").asLong();
    }

    static String json(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return RunningPlatform.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    static JsonNode exact(Reply reply) {
        try {
            return EXACT.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertYuan(String expected, JsonNode amount) {
        assertTrue(amount != null && amount.isNumber(), "not an amount: " + amount);
        assertEquals(0, new BigDecimal(expected).compareTo(amount.decimalValue()), "expected " + expected + " but was " + amount);
    }

    /** A header of the answer, whatever the case of its name. */
    static String header(Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), field + " not named in " + reply);
    }
}

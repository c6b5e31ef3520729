package org.district.standalone;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The endpoints a running platform serves, as its OpenAPI document ({@code /api/openapi.json})
 * lists them: the platform's own and every enabled module's.
 */
record ServedEndpoints(List<Endpoint> all) {

    /** One method on one path, as the document names it: {@code POST /api/notice-board/notices}. */
    record Endpoint(String method, String path, List<Parameter> parameters, List<String> bodyTypes, boolean signInRequired) {

        String key() {
            return method + " " + path;
        }

        boolean takesJson() {
            return bodyTypes.contains("application/json");
        }

        boolean takesBody() {
            return !bodyTypes.isEmpty();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A path or query parameter and its schema type: integer, number, boolean, array or string. */
    record Parameter(String name, String in, String type) {
    }

    static ServedEndpoints of(RunningPlatform platform) {
        Reply reply = platform.get("/api/openapi.json");
        if (reply.status() != 200) {
            throw new AssertionError("no OpenAPI document: " + reply);
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = reply.json().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    parameters.add(new Parameter(parameter.get("name").asText(), parameter.get("in").asText(),
                            parameter.at("/schema/type").asText("string")));
                }
                List<String> bodyTypes = new ArrayList<>();
                operation.getValue().at("/requestBody/content").fieldNames().forEachRemaining(bodyTypes::add);
                endpoints.add(new Endpoint(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        List.copyOf(bodyTypes), !operation.getValue().path("security").isEmpty()));
            }
        }
        return new ServedEndpoints(List.copyOf(endpoints));
    }

    List<String> keys() {
        return all.stream().map(Endpoint::key).toList();
    }
}

package org.district.plugins.legalaidnightmarket;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;

/** Accounts with the module's roles for a test platform, made through the platform's accounts API. */
final class TestAccounts {

    static final String PASSWORD = "night-market-test-pw";

    private TestAccounts() {
    }

    /** Adds the accounts: user name to comma-separated roles. */
    static void add(RunningPlatform platform, Map<String, String> rolesByUser) {
        rolesByUser.forEach((user, roles) -> platform.addAccount(user, PASSWORD, roles.split(",")));
    }

    static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    static Reply get(RunningPlatform platform, String user, String path) {
        return platform.send(as(user, platform.request(path)).GET());
    }

    static Reply post(RunningPlatform platform, String user, String path, String json) {
        return platform.send(as(user, platform.request(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }
}

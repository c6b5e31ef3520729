package org.district.platform.testkit;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.district.platform.testkit.RunningPlatform.Reply;

/**
 * An account of one person, made through the admin API, and the requests they send with their own
 * password: for tests of who may do what. The admin's requests are {@link RunningPlatform}'s
 * {@code ...AsAdmin} methods; anyone's are its plain ones.
 *
 * <pre>
 * Account editor = Account.create(platform, "li.editor", "notice-board.editor");
 * assertEquals(201, editor.post("/api/notice-board/notices", json).status());
 * </pre>
 */
public final class Account {

    private final RunningPlatform platform;
    private final String username;
    private final String authorization;

    private Account(RunningPlatform platform, String username, String password) {
        this.platform = platform;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the account with these roles (a module's roles are {@code <module-id>.<role>}); fails the test if the platform refuses. */
    public static Account create(RunningPlatform platform, String username, String... roles) {
        String password = "password-of-" + username;
        platform.addAccount(username, password, roles);
        return new Account(platform, username, password);
    }

    public String username() {
        return username;
    }

    public Reply get(String path) {
        return platform.send(signed(path).GET());
    }

    public Reply post(String path, String json) {
        return platform.send(signed(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return platform.send(signed(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return platform.send(signed(path).DELETE());
    }

    /** A request with this account's credentials, for anything the methods above do not cover. */
    public HttpRequest.Builder signed(String path) {
        return platform.request(path).header("Authorization", authorization);
    }
}

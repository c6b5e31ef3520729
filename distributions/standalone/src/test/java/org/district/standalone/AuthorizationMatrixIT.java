package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.district.standalone.ExampleRequests.Example;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every endpoint of the platform and of every bundled module, called by
 * someone without credentials, with a wrong password, and with an account of each role, against
 * the one table below. The endpoints come from the platform's OpenAPI document, so a new endpoint
 * fails this test until the table says who may call it.
 */
class AuthorizationMatrixIT {

    /**
     * Who may call each endpoint: {@code public} (anyone, signed in or not), {@code signed-in}
     * (anyone with an account, whatever their roles), or the roles that may (an admin may always;
     * {@code admin} alone means admins only). Everyone else gets 403 when signed in and 401 when
     * not; a wrong password is a 401 everywhere, public endpoints included.
     */
    static final String WHO_MAY = """
            GET    /api/admin/accounts                                        admin
            POST   /api/admin/accounts                                        admin
            PUT    /api/admin/accounts/{username}                             admin
            DELETE /api/admin/accounts/{username}                             admin
            GET    /api/admin/audit                                           auditor
            GET    /api/admin/audit/export                                    auditor
            GET    /api/admin/audit/verify                                    auditor
            GET    /api/admin/modules                                         admin
            GET    /api/admin/modules/{id}                                    admin
            POST   /api/admin/modules/{id}/disable                            admin
            POST   /api/admin/modules/{id}/enable                             admin
            POST   /api/admin/modules/{id}/update                             admin
            GET    /api/admin/modules/{id}/config                             admin
            PUT    /api/admin/modules/{id}/config/{pid}                       admin
            GET    /api/admin/retention                                       admin
            PUT    /api/admin/retention/{module}/{dataset}                    admin
            POST   /api/admin/retention/purge                                 admin
            GET    /api/admin/tokens                                          admin
            DELETE /api/admin/tokens/{id}                                     admin
            GET    /api/city                                                  public
            GET    /api/city/logo                                             public
            GET    /api/city/places                                           public
            GET    /api/console/pages                                         signed-in
            GET    /api/session                                               public
            POST   /api/session                                               public
            DELETE /api/session                                               public
            GET    /api/tokens                                                signed-in
            POST   /api/tokens                                                signed-in
            DELETE /api/tokens/{id}                                           signed-in

            GET    /api/courier-stations/coverage                             courier-stations.manager
            POST   /api/courier-stations/coverage                             courier-stations.manager
            DELETE /api/courier-stations/coverage/{id}                        courier-stations.manager
            GET    /api/courier-stations/coverage/{id}                        courier-stations.manager
            POST   /api/courier-stations/coverage/{id}/points                 courier-stations.manager
            GET    /api/courier-stations/coverage/{id}/proposals              courier-stations.manager
            GET    /api/courier-stations/figures                              courier-stations.manager
            POST   /api/courier-stations/public/checkins                      public
            GET    /api/courier-stations/public/coordinates                   public
            GET    /api/courier-stations/public/services                      public
            GET    /api/courier-stations/public/stations                      public
            GET    /api/courier-stations/public/stations/nearest              public
            GET    /api/courier-stations/public/stations/{id}                 public
            GET    /api/courier-stations/settings                             courier-stations.manager
            GET    /api/courier-stations/stations                             courier-stations.manager
            POST   /api/courier-stations/stations                             courier-stations.manager
            GET    /api/courier-stations/stations/{id}                        courier-stations.manager
            PUT    /api/courier-stations/stations/{id}                        courier-stations.manager
            DELETE /api/courier-stations/stations/{id}                        courier-stations.manager
            GET    /api/courier-stations/stations/{id}/checkin-code           courier-stations.manager
            POST   /api/courier-stations/stations/{id}/checkin-code           courier-stations.manager
            GET    /api/courier-stations/stations/{id}/qr.png                 courier-stations.manager

            GET    /api/farm-aid-streaming/courses                            farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/courses                            farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/courses/{id}                       farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/courses/{id}                       farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/courses/{id}                       farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/courses/{id}/sessions              farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/courses/{id}/sessions              farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/course-sessions/{id}               farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/course-sessions/{id}               farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/course-sessions/{id}               farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/course-sessions/{id}/enrolments    farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/course-sessions/{id}/enrolments    farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/enrolments/{id}                    farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/enrolments/{id}/complete           farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/enrolments/{id}/withdraw           farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/exports/streamers.csv              farm-aid-streaming.export
            GET    /api/farm-aid-streaming/products                           farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/products                           farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/products/{id}                      farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/products/{id}                      farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/products/{id}                      farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/products/{id}/suggested-streamers  farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/public/catalogue                   public
            GET    /api/farm-aid-streaming/public/sessions                    public
            GET    /api/farm-aid-streaming/reports/impact                     farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/reports/{by}                       farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/reports/{by}.csv                   farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/sessions                           farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/sessions                           farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/sessions/{id}                      farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/sessions/{id}                      farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/sessions/{id}/cancel               farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/sessions/{id}/results              farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/sessions/{id}/results              farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/sessions/{id}/start                farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/streamers                          farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/streamers                          farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/streamers/{id}                     farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/streamers/{id}                     farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/streamers/{id}                     farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/villages                           farm-aid-streaming.coordinator
            POST   /api/farm-aid-streaming/villages                           farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/villages/{id}                      farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/villages/{id}                      farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/villages/{id}                      farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/villages/{id}/impact               farm-aid-streaming.coordinator
            PUT    /api/farm-aid-streaming/villages/{id}/impact/{month}       farm-aid-streaming.coordinator
            DELETE /api/farm-aid-streaming/villages/{id}/impact/{month}       farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/villages/{id}/sales-chart          farm-aid-streaming.coordinator
            GET    /api/farm-aid-streaming/villages/{id}/sales-chart.svg      farm-aid-streaming.coordinator

            GET    /api/lawyer-roster/firms                                   lawyer-roster.operator
            POST   /api/lawyer-roster/firms                                   lawyer-roster.operator
            GET    /api/lawyer-roster/firms/{id}                              lawyer-roster.operator
            PUT    /api/lawyer-roster/firms/{id}                              lawyer-roster.operator
            DELETE /api/lawyer-roster/firms/{id}                              lawyer-roster.operator
            POST   /api/lawyer-roster/import                                  lawyer-roster.operator
            GET    /api/lawyer-roster/lawyers                                 lawyer-roster.operator
            POST   /api/lawyer-roster/lawyers                                 lawyer-roster.operator
            GET    /api/lawyer-roster/lawyers/{id}                            lawyer-roster.operator
            PUT    /api/lawyer-roster/lawyers/{id}                            lawyer-roster.operator
            DELETE /api/lawyer-roster/lawyers/{id}                            lawyer-roster.operator
            GET    /api/lawyer-roster/lawyers/{id}/duties                     lawyer-roster.operator
            POST   /api/lawyer-roster/lawyers/{id}/duties                     lawyer-roster.operator
            GET    /api/lawyer-roster/public/lawyers                          public
            GET    /api/lawyer-roster/public/specialties                      public
            POST   /api/lawyer-roster/rota                                    lawyer-roster.operator

            GET    /api/legal-aid-night-market/calendar/lawyers/{id}.ics      public
            GET    /api/legal-aid-night-market/calendar/markets/{id}.ics      public
            GET    /api/legal-aid-night-market/consultations                  legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            GET    /api/legal-aid-night-market/consultations/{id}             legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            PUT    /api/legal-aid-night-market/consultations/{id}/follow-up   legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            GET    /api/legal-aid-night-market/exports/consultations.csv      legal-aid-night-market.export
            GET    /api/legal-aid-night-market/exports/figures.csv            legal-aid-night-market.coordinator
            GET    /api/legal-aid-night-market/figures                        legal-aid-night-market.coordinator
            GET    /api/legal-aid-night-market/markets                        legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/markets                        legal-aid-night-market.coordinator
            GET    /api/legal-aid-night-market/markets/{id}                   legal-aid-night-market.coordinator
            PUT    /api/legal-aid-night-market/markets/{id}                   legal-aid-night-market.coordinator
            DELETE /api/legal-aid-night-market/markets/{id}                   legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/markets/{id}/rota              legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/markets/{id}/schedule          legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/markets/{id}/sessions          legal-aid-night-market.coordinator
            GET    /api/legal-aid-night-market/public/catalogue               public
            GET    /api/legal-aid-night-market/public/markets                 public
            GET    /api/legal-aid-night-market/public/markets/{id}/tonight    public
            GET    /api/legal-aid-night-market/public/sessions                public
            GET    /api/legal-aid-night-market/sessions                       legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            GET    /api/legal-aid-night-market/sessions/{id}                  legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            PUT    /api/legal-aid-night-market/sessions/{id}                  legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/cancel           legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/close            legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            GET    /api/legal-aid-night-market/sessions/{id}/consultations    legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            POST   /api/legal-aid-night-market/sessions/{id}/consultations    legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer
            GET    /api/legal-aid-night-market/sessions/{id}/duties           legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/duty             legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/duty/cancel      legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/duty/swap        legal-aid-night-market.coordinator
            POST   /api/legal-aid-night-market/sessions/{id}/open             legal-aid-night-market.coordinator legal-aid-night-market.duty-lawyer

            GET    /api/notice-board/notices                                  public
            POST   /api/notice-board/notices                                  notice-board.editor
            GET    /api/notice-board/notices/{id}                             public
            DELETE /api/notice-board/notices/{id}                             notice-board.editor
            """;

    /** Every role there is: the platform's two and each bundled module's own. */
    static final List<String> ROLES = List.of("admin", "auditor",
            "courier-stations.manager",
            "farm-aid-streaming.coordinator", "farm-aid-streaming.export",
            "lawyer-roster.operator",
            "legal-aid-night-market.coordinator", "legal-aid-night-market.duty-lawyer", "legal-aid-night-market.export",
            "notice-board.editor");

    private static final String PASSWORD = "matrix-password-2026";
    /** Five failed sign-ins lock an account: a wrong password is tried at most this often per account. */
    private static final int WRONG_PASSWORDS_PER_ACCOUNT = 4;

    private static RunningPlatform platform;
    private static ExampleRequests examples;
    private static ServedEndpoints served;
    private static Map<String, Set<String>> whoMay;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        whoMay = parse(WHO_MAY);
        examples = ExampleRequests.create(platform);
        served = ServedEndpoints.of(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Map<String, Set<String>> parse(String table) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 3) {
                continue;
            }
            String endpoint = words[0] + " " + words[1];
            if (rows.put(endpoint, new LinkedHashSet<>(Arrays.asList(words).subList(2, words.length))) != null) {
                throw new IllegalStateException(endpoint + " is in the table twice");
            }
        }
        return rows;
    }

    @Test
    void theTableNamesEveryEndpointServedAndOnlyThose() {
        Set<String> undeclared = new TreeSet<>(served.keys());
        undeclared.removeAll(whoMay.keySet());
        Set<String> notServed = new TreeSet<>(whoMay.keySet());
        notServed.removeAll(served.keys());
        Set<String> noExample = new TreeSet<>(served.keys());
        noExample.removeAll(examples.endpoints());
        assertTrue(undeclared.isEmpty() && notServed.isEmpty() && noExample.isEmpty(),
                "served but not in the table (say who may call it): " + undeclared
                        + "\nin the table but not served: " + notServed
                        + "\nserved without an example request in ExampleRequests: " + noExample);
        Set<String> unknownRoles = new TreeSet<>();
        whoMay.values().forEach(unknownRoles::addAll);
        unknownRoles.remove("public");
        unknownRoles.remove("signed-in");
        unknownRoles.removeAll(ROLES);
        assertTrue(unknownRoles.isEmpty(), "roles in the table that ROLES does not list: " + unknownRoles);
    }

    @Test
    void theOpenApiDocumentSaysWhichEndpointsArePublicAsTheTableDoes() {
        List<String> wrong = new ArrayList<>();
        for (ServedEndpoints.Endpoint endpoint : served.all()) {
            Set<String> who = whoMay.get(endpoint.key());
            if (who != null && who.contains("public") == endpoint.signInRequired()) {
                wrong.add(endpoint.key() + (endpoint.signInRequired() ? " is public but documented as needing a sign-in"
                        : " needs a sign-in but is documented as public"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Someone calling: a name and password to send (none for anonymous), and the roles they hold. */
    private record Caller(String name, String username, String password, Set<String> roles) {
        boolean anonymous() {
            return username == null;
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("admin", "admin", RunningPlatform.ADMIN_PASSWORD, Set.of("admin")));
        for (String role : ROLES.subList(1, ROLES.size())) {
            String username = "matrix." + role.replace('.', '-');
            platform.addAccount(username, PASSWORD, role);
            callers.add(new Caller(role, username, PASSWORD, Set.of(role)));
        }
        platform.addAccount("matrix.no-role", PASSWORD);
        callers.add(new Caller("an account without roles", "matrix.no-role", PASSWORD, Set.of()));
        callers.add(new Caller("anonymous", null, null, Set.of()));

        List<String> rows = served.keys().stream().filter(whoMay::containsKey).filter(k -> examples.get(k) != null).toList();
        List<String> wrongPasswordAccounts = new ArrayList<>();
        for (int i = 0; i * WRONG_PASSWORDS_PER_ACCOUNT < rows.size(); i++) {
            String username = "matrix.wrong-password-" + i;
            platform.addAccount(username, PASSWORD);
            // Signed in rightly once first (a 403: no roles), so that a remembered sign-in must not let a wrong password through.
            assertEquals(403, platform.send(as(platform.request("/api/admin/modules"), username, PASSWORD).GET()).status());
            wrongPasswordAccounts.add(username);
        }

        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (int row = 0; row < rows.size(); row++) {
            String endpoint = rows.get(row);
            Set<String> who = whoMay.get(endpoint);
            Example example = examples.get(endpoint);
            for (Caller caller : callers) {
                Reply reply = call(example, caller.username(), caller.password());
                calls++;
                boolean allowed = who.contains("public") || (who.contains("signed-in") && !caller.anonymous())
                        || caller.roles().contains("admin") || caller.roles().stream().anyMatch(who::contains);
                String problem = allowed ? allowedProblem(reply, caller.name().equals("admin") ? example : null)
                        : deniedProblem(reply, caller.anonymous() ? 401 : 403);
                if (problem != null) {
                    mismatches.add(endpoint + " as " + caller.name() + ": " + problem);
                }
            }
            String wrongPassword = wrongPasswordAccounts.get(row / WRONG_PASSWORDS_PER_ACCOUNT);
            Reply reply = call(example, wrongPassword, "not-" + PASSWORD);
            calls++;
            String problem = deniedProblem(reply, 401);
            if (problem != null) {
                mismatches.add(endpoint + " with a wrong password: " + problem);
            }
        }
        System.out.println("AuthorizationMatrixIT: " + rows.size() + " endpoints, " + (callers.size() + 1) + " callers, " + calls + " calls");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + calls + " calls were not answered as the table says:\n"
                + String.join("\n", mismatches));
    }

    /** Access is decided before the body is read: a caller who may not write learns nothing about what they sent. */
    @Test
    void aCallerWhoMayNotWriteIsRefusedBeforeTheBodyIsRead() {
        platform.addAccount("matrix.body-check", PASSWORD);
        List<String> mismatches = new ArrayList<>();
        for (String endpoint : served.keys()) {
            Set<String> who = whoMay.getOrDefault(endpoint, Set.of("public"));
            Example example = examples.get(endpoint);
            if (example == null || example.body() == null || who.contains("public")) {
                continue;
            }
            for (String username : new String[] { null, "matrix.body-check" }) {
                int expected = username == null ? 401 : who.contains("signed-in") ? 0 : 403;
                if (expected == 0) {
                    continue;
                }
                var request = example.headed(platform.request(ExampleRequests.encode(examples.fresh(example.path()))))
                        .header("Content-Type", example.contentType())
                        .method(example.method(), java.net.http.HttpRequest.BodyPublishers.ofString("{\"not\": valid"));
                String problem = deniedProblem(ExampleRequests.send(platform, username == null ? request : as(request, username, PASSWORD)), expected);
                if (problem != null) {
                    mismatches.add(endpoint + (username == null ? " anonymous" : " without the role") + ", a malformed body: " + problem);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static Reply call(Example example, String username, String password) {
        var request = examples.request(platform, example);
        return ExampleRequests.send(platform, username == null ? request : as(request, username, password));
    }

    private static java.net.http.HttpRequest.Builder as(java.net.http.HttpRequest.Builder request, String username, String password) {
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Allowed: neither 401 nor 403, and never a server error; the admin, who calls first, gets what the example is meant to get. */
    private static String allowedProblem(Reply reply, Example asAdmin) {
        if (reply.status() == 401 || reply.status() == 403 || reply.status() >= 500 || reply.status() == 0) {
            return "expected to be let through, got " + brief(reply);
        }
        if (asAdmin != null && !asAdmin.answeredAsMeant(reply.status())) {
            return "the example request is not what it means to be (" + (asAdmin.adminStatus() == null ? "a success" : asAdmin.adminStatus())
                    + " for the admin): " + brief(reply);
        }
        return null;
    }

    /** Denied: exactly this status, as a problem; a 401 also says how to sign in. */
    private static String deniedProblem(Reply reply, int status) {
        if (reply.status() != status) {
            return "expected " + status + ", got " + brief(reply);
        }
        if (!reply.isProblem()) {
            return "a " + status + " without a problem body: " + brief(reply);
        }
        if (reply.json().path("status").asInt() != status || reply.json().path("title").asText().isEmpty()
                || reply.json().path("detail").asText().isEmpty()) {
            return "a problem body without status, title and detail: " + brief(reply);
        }
        if (status == 401 && !reply.headers().getOrDefault("www-authenticate", List.of()).stream().anyMatch(h -> h.startsWith("Basic"))) {
            return "a 401 without WWW-Authenticate: Basic: " + brief(reply);
        }
        return null;
    }

    private static String brief(Reply reply) {
        String body = reply.body().length() > 300 ? reply.body().substring(0, 300) + "…" : reply.body();
        return reply.status() + " " + reply.contentType() + " " + body.replace('\n', ' ');
    }
}

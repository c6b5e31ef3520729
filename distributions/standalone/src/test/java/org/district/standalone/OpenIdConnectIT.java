package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A province's identity provider signs people in: the platform accepts its tokens for this
 * platform's audience, with the roles they claim that the platform knows, and refuses expired,
 * foreign, unsigned and wrongly signed ones. The provider here is a key pair made by the test and
 * its key set served on loopback, found through the provider's discovery document.
 */
class OpenIdConnectIT {

    private static final String AUDIENCE = "district-chengdu";
    private static HttpServer provider;
    private static String issuer;
    private static RSAKey key;
    private static final AtomicInteger keySetReads = new AtomicInteger();
    private static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("province-2026").generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/sichuan";
        provider.createContext("/realms/sichuan/.well-known/openid-configuration", exchange ->
                answer(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}"));
        provider.createContext("/realms/sichuan/protocol/openid-connect/certs", exchange -> {
            keySetReads.incrementAndGet();
            answer(exchange, new JWKSet(key.toPublicJWK()).toString());
        });
        provider.start();
        platform = RunningPlatform.withTestModules()
                .with("DISTRICT_OIDC_ISSUER", issuer)
                .with("DISTRICT_OIDC_AUDIENCE", AUDIENCE)
                .start();
    }

    @AfterAll
    static void stop() {
        platform.close();
        provider.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static JWTClaimsSet.Builder claims(String username, Object roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("f3a9-" + username)
                .claim("preferred_username", username).claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims, RSAKey with) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static Reply get(String path, String token) {
        return platform.send(platform.request(path).header("Authorization", "Bearer " + token).GET());
    }

    @Test
    void aTokenOfTheProvinceSignsInWithTheRolesItClaimsThatThePlatformKnows() throws Exception {
        String token = signed(claims("liu.auditor", List.of("auditor", "parking.warden")).build(), key);
        assertEquals(200, get("/api/admin/audit", token).status());
        Reply modules = get("/api/admin/modules", token);
        assertEquals(403, modules.status(), "an auditor, not an admin: " + modules);

        String editor = signed(claims("zhou.editor", "notice-board.editor").build(), key);
        Reply posted = platform.send(platform.request("/api/notice-board/notices").header("Authorization", "Bearer " + editor)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"Lawyers tonight\",\"body\":\"East gate.\",\"community\":\"Dongjie\"}")));
        assertEquals(201, posted.status(), posted.toString());

        String trail = platform.getAsAdmin("/api/admin/audit?module=platform").body();
        assertTrue(trail.contains("liu.auditor") && trail.contains("openid-connect"), "the sign-in is in the audit trail");
        assertTrue(keySetReads.get() >= 1);
    }

    @Test
    void expiredForeignUnsignedAndWronglySignedTokensAreRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(signed(claims("late", List.of("admin")).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build(), key));
        assertRefused(signed(claims("elsewhere", List.of("admin")).audience("another-city").build(), key));
        assertRefused(signed(claims("impostor", List.of("admin")).issuer("http://127.0.0.1:1/realms/evil").build(), key));
        assertRefused(new PlainJWT(claims("unsigned", List.of("admin")).build()).serialize());
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("province-2026").generate();
        assertRefused(signed(claims("forger", List.of("admin")).build(), stranger));
    }

    private static void assertRefused(String token) {
        Reply reply = get("/api/admin/modules", token);
        assertEquals(401, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
    }

    @Test
    void thePlatformsOwnTokensAndPasswordsKeepWorkingBesideIt() {
        assertEquals(200, platform.getAsAdmin("/api/admin/modules").status());
        String token = platform.postAsAdmin("/api/tokens", "{\"name\":\"script\"}").json().get("token").asText();
        assertEquals(200, get("/api/admin/modules", token).status());
    }
}

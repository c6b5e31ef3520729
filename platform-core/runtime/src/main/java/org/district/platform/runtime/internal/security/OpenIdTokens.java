package org.district.platform.runtime.internal.security;

import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * OpenID Connect sign-in for provinces that run an identity provider: a bearer token that is a
 * JWT signed by the configured issuer, for this platform's audience, unexpired, is accepted. The
 * account is the token's {@code preferred_username} (or {@code sub}), its roles those of the roles
 * claim that the platform knows (admin, auditor, roles that installed modules declare); the
 * identity provider stays the one place where people and their roles are managed. Signatures are
 * checked with Nimbus JOSE + JWT against the issuer's published keys (its JSON Web Key Set, fetched
 * and cached, refreshed when an unknown key id shows up). Off unless {@code DISTRICT_OIDC_ISSUER}
 * is set.
 */
@Component(service = OpenIdTokens.class)
public class OpenIdTokens {

    /** Signatures accepted: RSA and elliptic curves; never "none", never a shared secret. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private static final int REMEMBERED_TOKENS = 10_000;

    private String issuer;
    private String audience;
    private String jwksUrl;
    private String rolesClaim;
    private String usernameClaim;
    private DefaultJWTProcessor<SecurityContext> processor;
    /** Tokens seen before (their hashes), so that a sign-in is audited once per token, not per request. */
    private final Map<String, Boolean> seen = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    });

    /** A verified token: who, with which roles, whether it is its first use here; or why it was refused. */
    public record Verified(Optional<String> username, Set<String> claimedRoles, boolean firstUse, String refusal) {
        static Verified refused(String why) {
            return new Verified(Optional.empty(), Set.of(), false, why);
        }
    }

    @Activate
    void activate(BundleContext context) {
        issuer = blankToNull(context.getProperty("district.oidc.issuer"));
        audience = blankToNull(context.getProperty("district.oidc.audience"));
        jwksUrl = blankToNull(context.getProperty("district.oidc.jwks.url"));
        rolesClaim = Optional.ofNullable(blankToNull(context.getProperty("district.oidc.roles.claim"))).orElse("roles");
        usernameClaim = Optional.ofNullable(blankToNull(context.getProperty("district.oidc.username.claim"))).orElse("preferred_username");
    }

    /**
     * The token processor, made at the first token: the keys' address is configured, or found in the
     * issuer's discovery document ({@code /.well-known/openid-configuration}), which is not fetched
     * during the platform's start.
     */
    private synchronized DefaultJWTProcessor<SecurityContext> processor() throws java.io.IOException {
        if (processor == null) {
            URL keys = URI.create(jwksUrl != null ? jwksUrl : discoverKeys()).toURL();
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(keys).retrying(true).build();
            DefaultJWTProcessor<SecurityContext> made = new DefaultJWTProcessor<>();
            made.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
            made.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                    new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
            processor = made;
        }
        return processor;
    }

    private String discoverKeys() throws java.io.IOException {
        URL discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration").toURL();
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) discovery.openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        try (java.io.InputStream in = connection.getInputStream()) {
            Object keys = com.nimbusds.jose.util.JSONObjectUtils.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get("jwks_uri");
            if (keys == null) {
                throw new java.io.IOException(discovery + " names no jwks_uri");
            }
            return keys.toString();
        } catch (ParseException e) {
            throw new java.io.IOException(discovery + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** Whether OpenID Connect sign-in is configured. */
    public boolean enabled() {
        return issuer != null;
    }

    /** Whether a bearer token is a JWT (three dot-separated parts) rather than one of the platform's own tokens. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /** Checks the token's signature, issuer, audience and time; takes from it the roles {@code known} accepts. */
    public Verified verify(String token, Predicate<String> known) {
        if (issuer == null) {
            return Verified.refused("OpenID Connect sign-in is not configured on this platform.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (BadJWTException e) {
            return Verified.refused("The token was refused: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Verified.refused("The token is not one " + issuer + " signed: " + e.getMessage());
        } catch (java.io.IOException e) {
            return Verified.refused("The keys of " + issuer + " cannot be read now: " + e.getMessage());
        }
        Object name = claims.getClaim(usernameClaim);
        String username = name != null ? name.toString() : claims.getSubject();
        Set<String> roles = new HashSet<>();
        for (String role : roleClaim(claims.getClaim(rolesClaim))) {
            if (known.test(role)) {
                roles.add(role);
            }
        }
        boolean first = seen.put(Credentials.hash(token), Boolean.TRUE) == null;
        return new Verified(Optional.of(username), Set.copyOf(roles), first, null);
    }

    /** The roles claim as a list: a JSON array, a space- or comma-separated string, or Keycloak's {@code {"roles": [...]}}. */
    private static List<String> roleClaim(Object claim) {
        List<String> roles = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        } else if (claim instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        } else if (claim != null) {
            for (String role : claim.toString().split("[,\\s]+")) {
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.district.platform.runtime.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.district.platform.api.access.Places;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.city.CityProfile;
import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleView;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Account;
import org.district.platform.runtime.internal.security.Accounts;
import org.district.platform.runtime.internal.security.Credentials;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/admin/accounts}: the people and scripts that sign in, and their roles. A role is
 * {@code admin}, {@code auditor}, or a role an installed module declares in its capability,
 * {@code <module-id>.<role>} (for example {@code lawyer-roster.operator}); a module's role may be
 * limited to a node of the city's administrative tree, {@code courier-stations.manager@武侯区/玉林街道}
 * (see {@link Places}), and granted for several nodes. Admins only; every change is audited, never
 * with the password.
 */
@Component(service = AccountsResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern MODULE_ROLE = Pattern.compile("([a-z0-9-]+)\\.[a-z0-9-]+");
    static final int MIN_PASSWORD = 12;
    /** District, street, community, grid. */
    private static final int MAX_NODE_DEPTH = 4;
    private static final int MAX_NODE_NAME = 60;
    /** What the account's row keeps of its grants. */
    private static final int MAX_GRANTS_LENGTH = 4000;

    @Reference
    private Accounts accounts;

    @Reference
    private ModuleManager modules;

    @Reference
    private CityProfile city;

    @Reference
    private Credentials credentials;

    @Reference
    private AuditLedger audit;

    public record AccountDraft(@NotBlank String username, @NotNull @Size(min = MIN_PASSWORD, max = 200) String password,
            @NotNull List<@NotBlank String> roles) {
    }

    /** A change: a new password, new roles, or both. */
    public record AccountChange(@Size(min = MIN_PASSWORD, max = 200) String password, List<@NotBlank String> roles) {
    }

    public record AccountView(String username, Set<String> roles) {
        static AccountView of(Account account) {
            return new AccountView(account.username(), new TreeSet<>(account.roles()));
        }
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid AccountDraft draft) {
        if (!USERNAME.matcher(draft.username()).matches()) {
            throw Problem.invalid("username", "3 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Set<String> roles = roles(draft.roles());
        if (!accounts.create(draft.username(), draft.password(), roles)) {
            throw Problem.conflict("There is already an account '" + draft.username() + "'.");
        }
        audit.append("platform", "account.create", draft.username(), Map.of("roles", String.join(",", new TreeSet<>(roles))));
        return Response.created(UriBuilder.fromPath("accounts/{u}").build(draft.username()))
                .entity(new AccountView(draft.username(), new TreeSet<>(roles))).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView change(@PathParam("username") String username, @Valid AccountChange change) {
        Set<String> roles = change.roles() == null ? null : roles(change.roles());
        if (Accounts.BOOTSTRAP_ADMIN.equals(username) && roles != null && !roles.contains(Account.ADMIN)) {
            throw Problem.conflict("The bootstrap admin keeps the admin role.");
        }
        if (!accounts.change(username, change.password(), roles)) {
            throw Problem.notFound("There is no account '" + username + "'.");
        }
        if (change.password() != null) {
            credentials.endSessions(username);
        }
        audit.append("platform", "account.change", username, Map.of(
                "password", Boolean.toString(change.password() != null),
                "roles", roles == null ? "unchanged" : String.join(",", new TreeSet<>(roles))));
        return AccountView.of(accounts.find(username).orElseThrow());
    }

    @DELETE
    @Path("{username}")
    public void delete(@PathParam("username") String username) {
        if (Accounts.BOOTSTRAP_ADMIN.equals(username)) {
            throw Problem.conflict("The bootstrap admin cannot be deleted: nobody could manage the platform without it.");
        }
        if (!accounts.delete(username)) {
            throw Problem.notFound("There is no account '" + username + "'.");
        }
        credentials.revokeAll(username);
        audit.append("platform", "account.delete", username, Map.of());
    }

    /**
     * The grants, each one the platform's own role or one an installed module declares, a module role
     * optionally limited to a node of the administrative tree ({@code role@district/street}): on a
     * city's bundle, one of the nodes of the city's tree.
     */
    private Set<String> roles(List<String> requested) {
        Map<String, List<String>> declared = new java.util.HashMap<>();
        for (ModuleView module : modules.list()) {
            declared.put(module.id(), module.roles());
        }
        Set<String> roles = new TreeSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "roles[" + i + "]";
            String grant = requested.get(i).strip();
            String role = Account.roleOf(grant);
            String node = role.equals(grant) ? null : grant.substring(role.length() + 1);
            var moduleRole = MODULE_ROLE.matcher(role);
            if (role.equals(Account.ADMIN) || role.equals(AuditResource.AUDITOR)) {
                if (node != null) {
                    errors.add(new FieldError(field, "'" + role + "' holds for the whole city; only a module's role can be limited to a place"));
                } else {
                    roles.add(role);
                }
            } else if (moduleRole.matches() && declared.containsKey(moduleRole.group(1))) {
                List<String> ofModule = declared.get(moduleRole.group(1));
                if (!ofModule.contains(role)) {
                    errors.add(new FieldError(field, "module '" + moduleRole.group(1) + "' has no role '" + role + "'; it declares "
                            + (ofModule.isEmpty() ? "none" : String.join(", ", ofModule))));
                } else if (node == null) {
                    roles.add(role);
                } else {
                    nodeError(node).or(() -> city.placeError(Places.parse(node))).ifPresentOrElse(error -> errors.add(new FieldError(field, error)),
                            () -> roles.add(role + Account.AT + String.join(String.valueOf(Places.SEPARATOR), Places.parse(node))));
                }
            } else {
                errors.add(new FieldError(field, "'" + role + "' is not a role: use admin, auditor, or a role an installed module declares"));
            }
        }
        if (errors.isEmpty() && String.join(",", roles).length() > MAX_GRANTS_LENGTH) {
            errors.add(new FieldError("roles", "too many: at most " + MAX_GRANTS_LENGTH + " characters of roles and places in all"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return roles;
    }

    /** What is wrong with a node a role is limited to, if anything: the district down to the grid, at most. */
    private static java.util.Optional<String> nodeError(String node) {
        List<String> parts;
        try {
            parts = Places.parse(node);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
        if (parts.size() > MAX_NODE_DEPTH) {
            return java.util.Optional.of("'" + node + "' is deeper than the tree: district/street/community/grid at most");
        }
        for (String part : parts) {
            if (part.length() > MAX_NODE_NAME || part.chars().anyMatch(c -> c == ',' || c == Account.AT || Character.isISOControl(c))) {
                return java.util.Optional.of("'" + part + "' is not a node name: at most " + MAX_NODE_NAME
                        + " characters, without ',', '@' or control characters");
            }
        }
        return java.util.Optional.empty();
    }
}

package nl.evidencestore.shared.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.Token;

/** The tokens file as it is stored: {@code {"principals":[{name, tokenSha256, roles, controllers}]}}. */
record TokensDocument(List<Grant> principals) {
    TokensDocument {
        Token.required(principals, "principals");
        if (hasNull(principals)) {
            throw new IllegalArgumentException("principals must not contain null");
        }
        principals = List.copyOf(principals);
        requireDistinct(principals);
    }

    record Grant(String name, String tokenSha256, Set<Role> roles, Set<ControllerId> controllers) {
        Grant {
            Token.text(name, "name", 200);
            Token.sha256Hex(tokenSha256, "tokenSha256");
            if (roles == null || roles.isEmpty() || hasNull(roles)) {
                throw new IllegalArgumentException("roles must name at least one of " + List.of(Role.values()));
            }
            roles = Set.copyOf(roles);
            controllers = controllers == null ? Set.of() : Set.copyOf(controllers);
        }

        Principal toPrincipal() {
            return new Principal(name, roles, controllers);
        }
    }

    static TokensDocument firstAdmin(String tokenSha256) {
        return new TokensDocument(List.of(new Grant("admin", tokenSha256, Set.of(Role.ADMIN), Set.of())));
    }

    static TokensDocument of(Map<String, Principal> principalsByToken) {
        List<Grant> grants = new ArrayList<>();
        principalsByToken.forEach((token, principal) -> grants.add(new Grant(principal.name(),
                TokensFile.sha256Hex(token), principal.roles(), principal.controllers())));
        return new TokensDocument(grants);
    }

    /** Immutable collections throw on {@code contains(null)}; Jackson's do not hold nulls unless sent. */
    private static boolean hasNull(Collection<?> values) {
        return values.stream().anyMatch(Objects::isNull);
    }

    /** Two entries with one token would make a caller's identity depend on file order. */
    private static void requireDistinct(List<Grant> principals) {
        Map<String, Integer> byHash = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < principals.size(); i++) {
            Integer sameToken = byHash.putIfAbsent(principals.get(i).tokenSha256(), i);
            if (sameToken != null) {
                throw new IllegalArgumentException("principals[" + i + "] has the same token as principals[" + sameToken + "]");
            }
            Integer sameName = byName.putIfAbsent(principals.get(i).name(), i);
            if (sameName != null) {
                throw new IllegalArgumentException("principals[" + i + "] has the same name as principals[" + sameName + "]");
            }
        }
    }
}

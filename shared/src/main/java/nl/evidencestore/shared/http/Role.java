package nl.evidencestore.shared.http;

import io.javalin.security.RouteRole;

/** What a principal may do (api.md, Auth). */
public enum Role implements RouteRole {
    /** Internal systems: every command endpoint. */
    PUBLISHER,
    /** Security staff: read and search across all controllers. */
    SECURITY,
    /** Read, search and export, only for the controllers listed on the principal. */
    AUDITOR,
    /** Everything. */
    ADMIN
}

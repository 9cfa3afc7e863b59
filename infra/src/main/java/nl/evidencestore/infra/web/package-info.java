/** The web page at {@code /} for security staff and auditors (api.md, Web page); it calls the same API as everyone. */
package nl.evidencestore.infra.web;

/** Art. 11 and the signature block: what the agreement looked like as of any instant, as known at any instant. */
package nl.evidencestore.query.agreement;

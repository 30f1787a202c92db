/**
 * What the ranker's and the trainer's HTTP layers share without a web framework: the API
 * keys a request must carry, RFC 9457 problem documents for answers written before Spring
 * MVC is reached (servlet filters, the servlet container's own errors), and the rule that
 * a request path be canonical.
 */
@NullMarked
package io.seqrec.http;

import org.jspecify.annotations.NullMarked;

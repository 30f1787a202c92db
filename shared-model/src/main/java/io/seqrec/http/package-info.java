/**
 * What the ranker's and the trainer's HTTP layers share, without Spring: the API keys a
 * request must carry and the servlet filter that checks them with the rule that a request
 * path be canonical, and RFC 9457 problem documents for the answers written before Spring
 * MVC is reached (that filter, and the servlet container's own errors, through a Tomcat
 * valve). The servlet API and Tomcat come from the services.
 */
@NullMarked
package io.seqrec.http;

import org.jspecify.annotations.NullMarked;

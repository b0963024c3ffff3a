/** AWS Signature Version 4 verification of incoming requests. */
package io.resoto.worker.awssim.auth;

/** The Java resotoworker: everything that is not specific to one cloud. */
package io.resoto.worker;

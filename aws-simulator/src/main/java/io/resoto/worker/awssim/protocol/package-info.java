/**
 * The wire protocols: reading each operation's model from the SDK's generated classes once, and
 * one generic decoder and encoder per protocol (query, EC2, JSON, REST-JSON, REST-XML) driven by
 * the SDK's field metadata, plus each protocol's error shape.
 */
package io.resoto.worker.awssim.protocol;

package io.resoto.worker.graph;

/** A kind in the model the worker sends to the core: complex (resource-like) or simple. */
public sealed interface ModelKind permits ComplexKind, SimpleKind {

  /** The fully qualified name, e.g. {@code aws_ec2_instance}. */
  String fqn();
}

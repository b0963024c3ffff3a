package io.resoto.worker.aws.engine;

import io.resoto.worker.graph.ComplexKind;
import java.util.Objects;

/**
 * The part every kind declares the same way: its name, scope, service and model, given once to
 * the constructor. A kind class then only says how to collect.
 */
public abstract class DeclaredKind implements AwsKind {

  private final String name;
  private final Scope scope;
  private final String service;
  private final ComplexKind model;

  protected DeclaredKind(String name, Scope scope, String service, ComplexKind model) {
    this.name = Objects.requireNonNull(name, "name");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.service = Objects.requireNonNull(service, "service");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Scope scope() {
    return scope;
  }

  @Override
  public final String service() {
    return service;
  }

  @Override
  public final ComplexKind model() {
    return model;
  }
}

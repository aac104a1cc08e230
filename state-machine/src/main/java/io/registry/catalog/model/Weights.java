package io.registry.catalog.model;

/** DNS SRV weights of an instance when passing and when warning. */
public record Weights(int passing, int warning) {
  public static final Weights DEFAULT = new Weights(1, 1);
}

package dev.accessaudit.producers.simulator;

import java.util.List;
import java.util.Random;

/** Small helpers for seeded random choices. */
final class Draw {

  private Draw() {}

  /** An index into {@code weights}, each chosen with probability proportional to its weight. */
  static int weighted(Random random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static <T> T oneOf(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  @SafeVarargs
  static <T> T oneOf(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  static boolean chance(Random random, double p) {
    return p > 0 && random.nextDouble() < p;
  }

  /** Milliseconds uniformly in [{@code min}, {@code max}). */
  static long millis(Random random, long min, long max) {
    return max <= min ? min : min + (long) (random.nextDouble() * (max - min));
  }
}

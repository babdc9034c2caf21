package io.newsflow.training.topics;

import java.util.Random;

/**
 * Multinomial logistic regression over sparse rows, trained by AdaGrad with L2 regularisation, examples weighted. The
 * classic discriminative text classifier: unlike naive Bayes it weighs a word by what it adds beside the others, which
 * carries across text lengths once rows are length-normalised.
 */
final class SoftmaxRegression {

    /** Sparse rows: row r's features are {@code index[start[r]..start[r+1])} with {@code value} at the same places. */
    record Rows(int[] start, int[] index, float[] value, int[] label, float[] weight) {
        int size() {
            return label.length;
        }
    }

    final int features;
    final int classes;
    final float[] weights; // feature * classes + label
    final float[] bias;

    SoftmaxRegression(int features, int classes) {
        this.features = features;
        this.classes = classes;
        this.weights = new float[features * classes];
        this.bias = new float[classes];
    }

    /** Trains for {@code epochs} passes in a seeded order. */
    void train(Rows rows, int epochs, double rate, double l2, long seed) {
        float[] squares = new float[weights.length];
        float[] biasSquares = new float[classes];
        double[] scores = new double[classes];
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int r : order) {
                probabilities(rows, r, scores);
                float w = rows.weight()[r];
                for (int k = 0; k < classes; k++) {
                    double g = w * (scores[k] - (rows.label()[r] == k ? 1 : 0));
                    biasSquares[k] += (float) (g * g);
                    bias[k] -= (float) (rate * g / Math.sqrt(biasSquares[k] + 1e-8));
                    scores[k] = g;
                }
                for (int p = rows.start()[r]; p < rows.start()[r + 1]; p++) {
                    int base = rows.index()[p] * classes;
                    float x = rows.value()[p];
                    for (int k = 0; k < classes; k++) {
                        double g = scores[k] * x + l2 * weights[base + k];
                        squares[base + k] += (float) (g * g);
                        weights[base + k] -= (float) (rate * g / Math.sqrt(squares[base + k] + 1e-8));
                    }
                }
            }
        }
    }

    /** The softmax of row {@code r}'s scores, into {@code out}. */
    void probabilities(Rows rows, int r, double[] out) {
        for (int k = 0; k < classes; k++) {
            out[k] = bias[k];
        }
        for (int p = rows.start()[r]; p < rows.start()[r + 1]; p++) {
            int base = rows.index()[p] * classes;
            float x = rows.value()[p];
            for (int k = 0; k < classes; k++) {
                out[k] += x * weights[base + k];
            }
        }
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            top = Math.max(top, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - top);
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }
}

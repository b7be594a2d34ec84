using RnnNotebooks.Nn;
using RnnNotebooks.Training.Optimizers;

namespace RnnNotebooks.Tests.Training;

/// <summary>Keras's formulas, computed by hand for one parameter and two steps.</summary>
public class KerasOptimizerTests
{
    private static Parameter<double> Scalar(double w)
    {
        var p = new Parameter<double>("w", 1);
        p.Value.Data[0] = w;
        return p;
    }

    private static double Run(Optimizer<double> opt, Parameter<double> p, params double[] grads)
    {
        foreach (var g in grads) { p.Grad.Data[0] = g; opt.step(); }
        return p.Value.Data[0];
    }

    [Fact]
    public void RmsProp_keras_puts_epsilon_inside_the_root()
    {
        var p = Scalar(1);
        var opt = new RmsProp<double>([p], Framework.Keras);
        Assert.Equal((1e-3, 0.9, 1e-7), (opt.LearningRate, opt.Rho, opt.Epsilon));
        double v1 = 0.1 * 0.25, w1 = 1 - 1e-3 * 0.5 / Math.Sqrt(v1 + 1e-7);
        double v2 = 0.9 * v1 + 0.1 * 4, w2 = w1 - 1e-3 * -2 / Math.Sqrt(v2 + 1e-7);
        Assert.Equal(w2, Run(opt, p, 0.5, -2), 15);
    }

    [Fact]
    public void Adagrad_keras_starts_the_accumulator_at_a_tenth()
    {
        var p = Scalar(0);
        var opt = new Adagrad<double>([p], Framework.Keras);
        double s = 0.1 + 9, w = -1e-3 * 3 / Math.Sqrt(s + 1e-7);
        Assert.Equal(w, Run(opt, p, 3), 15);
    }

    [Fact]
    public void Adam_keras_folds_bias_correction_into_the_step()
    {
        var p = Scalar(2);
        var opt = new Adam<double>([p], Framework.Keras);
        double w = 2;
        double m = 0, v = 0;
        double[] gs = [1.5, -0.5];
        for (int t = 1; t <= 2; t++)
        {
            double g = gs[t - 1];
            m = 0.9 * m + 0.1 * g; v = 0.999 * v + 0.001 * g * g;
            w -= 1e-3 * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(0.9, t)) * m / (Math.Sqrt(v) + 1e-7);
        }
        Assert.Equal(w, Run(opt, p, gs), 15);
    }

    [Fact]
    public void Factory_creates_by_name_with_framework_defaults()
    {
        var p = Scalar(0);
        Assert.Equal(1e-3, OptimizerFactory.Create("RMSprop", [p], Framework.Keras).LearningRate);
        Assert.Equal(1e-2, OptimizerFactory.Create("rmsprop", [p], Framework.PyTorch).LearningRate);
        Assert.IsType<Sgd<double>>(OptimizerFactory.Create("sgd", [p], Framework.Keras));
        Assert.Contains("adam", Assert.Throws<ArgumentException>(() => OptimizerFactory.Create("adamw", [p], Framework.Keras)).Message);
    }
}

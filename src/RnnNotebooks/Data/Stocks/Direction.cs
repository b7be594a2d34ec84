namespace RnnNotebooks.Data.Stocks;

/// <summary>
/// Directional accuracy: how often a forecast gets the sign of the next move right, measured
/// from the last known price. Days on which the price did not move are left out.
/// </summary>
public static class Direction
{
    /// <summary>Share of days with a move on which sign(predicted − last) equals sign(actual − last).</summary>
    public static double Accuracy(IReadOnlyList<double> last, IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        Check(last, actual, predicted);
        int moved = 0, right = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            int a = Math.Sign(actual[i] - last[i]);
            if (a == 0) continue;
            moved++;
            if (Math.Sign(predicted[i] - last[i]) == a) right++;
        }
        return moved == 0 ? double.NaN : (double)right / moved;
    }

    /// <summary>The accuracy of always predicting "up": the share of up days among days with a move.</summary>
    public static double AlwaysUp(IReadOnlyList<double> last, IReadOnlyList<double> actual)
    {
        Check(last, actual, actual);
        int moved = 0, up = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i] == last[i]) continue;
            moved++;
            if (actual[i] > last[i]) up++;
        }
        return moved == 0 ? double.NaN : (double)up / moved;
    }

    private static void Check(IReadOnlyList<double> last, IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (last.Count != actual.Count || predicted.Count != actual.Count)
            throw new ArgumentException($"Direction: {last.Count} last prices, {predicted.Count} predictions and {actual.Count} actual prices; they must be equal in number.");
    }
}

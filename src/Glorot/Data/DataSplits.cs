namespace Glorot.Data;

/// <summary>The three splits of one data set, as the paper uses them (training, validation for
/// hyper-parameter selection, test).</summary>
public sealed record DataSplits(IDataset Train, IDataset Validation, IDataset Test);

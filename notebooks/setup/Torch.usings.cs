// The namespaces of the TorchSharp twins: notebooks/setup/Torch.csx loads this file in a notebook kernel, and the
// file-based app of each notebook that uses TorchSharp includes it (#:include).
global using RnnNotebooks.Torch;
global using RnnNotebooks.Torch.Bridge;
global using RnnNotebooks.Torch.Models;
global using TorchSharp;

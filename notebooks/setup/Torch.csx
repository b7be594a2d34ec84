// What the first cell of a notebook with TorchSharp twins loads (#load "setup/Torch.csx"): the course library
// (Course.csx), the twins in src/RnnNotebooks.Torch/bin/Release (setup/Build.csx builds them on a fresh clone),
// their namespaces, and a line naming the device TorchSharp runs on. Describing the device is also the first use
// of a RnnNotebooks.Torch type, which loads libtorch before any torch.* call.
#load "Course.csx"
#r "../../src/RnnNotebooks.Torch/bin/Release/net10.0/RnnNotebooks.Torch.dll"
#load "Torch.usings.cs"

Console.WriteLine(TorchDevice.Describe());

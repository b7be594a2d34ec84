"""Groups the CPU samples of a recurrent-layer benchmark by the part of the layer they fall in.

Usage (see bench/README.md, "Where lstm_imdb's time goes"):
  perf script -i lstm.data -F comm,tid,ip,sym > lstm.script && python3 bench/perf_breakdown.py lstm.script
Each sample inside LayerBenchmark.Iteration is given to the first frame from the leaf up that names a
part (step forward, step backward, the GEMMs after the loop, layout copies, ...), then split by what the
leaf frames are doing (GEMM kernel, TensorPrimitives, copies, page faults, ...).
"""
import sys, collections, re
samples=[]; cur=[]
for line in open(sys.argv[1]):
    line=line.rstrip('\n')
    if not line.strip():
        if cur: samples.append(cur); cur=[]
        continue
    if not line.startswith('\t') and not line.startswith(' '):
        cur=[]; continue
    parts=line.strip().split(' ',1)
    cur.append(parts[1] if len(parts)>1 else '')
if cur: samples.append(cur)
anchors=[('StepForward','step forward'),('MatMulAddRow','step forward'),('StepBackward','step backward'),
 ('GemmTransposedAInto','dW GEMM (+pack of A)'),('GemmTransposedA(','dW GEMM (+pack of A)'),('PackSideBySide','pack [X|hPrev] for dW'),
 ('AccumulateColumnSums','bias grads (column sums)'),('Kernels::Gemm(','dx GEMM'),('SequenceLayout','layout copies B,T<->T,B'),
 ('<Backward>b__0','backward loop other (dOut add)'),('<Forward>b__0','forward loop other'),
 ('FusedStack`1[System.Single]::Forward','stack forward other'),('FusedStack`1[System.Single]::Backward','stack backward other'),
 ('RecurrentDirection`1[System.Single]::Forward','direction forward other (pack W)'),('RecurrentDirection`1[System.Single]::Backward','direction backward other'),
 ('RNNBase','RNNBase checks/state'),('zero_grad','zero_grad'),('LayerBenchmark::Iteration','bench loss/dy + alloc')]
cnt=collections.Counter(); sub=collections.Counter(); total=0
for s in samples:
    st=' | '.join(s)
    if 'Iteration' not in st: continue
    total+=1
    cat='other'
    idx=None
    for i,f in enumerate(s):
        for a,c in anchors:
            if a in f: cat=c; idx=i; break
        if idx is not None: break
    leafpart=s[:idx] if idx is not None else s
    lp=' '.join(leafpart)
    if 'Tile' in lp or 'Blocked' in lp or 'GemmPacked' in lp or 'StepBlocks' in lp: kind='gemm'
    elif 'PackRows' in lp: kind='pack A'
    elif 'TensorPrimitives' in lp or 'VectorMath' in lp: kind='TensorPrimitives'
    elif 'LstmCell' in lp or 'GruCell' in lp or 'TanhBackward' in lp: kind='elementwise (own)'
    elif 'Memmove' in lp or 'memset' in lp or 'memmove' in lp: kind='copy/clear'
    elif any(k in lp for k in ('kallsyms','page','_fault','clear_page')) or (leafpart and leafpart[0].startswith(('__','exc','clear','do_','handle'))): kind='kernel (page faults)'
    elif 'libcoreclr' in lp or 'GC' in lp or 'gc_heap' in lp or '[unknown]' in lp: kind='runtime/GC'
    else: kind='own code'
    cnt[cat]+=1; sub[(cat,kind)]+=1
print(f"samples in Iteration: {total}")
for c,n in cnt.most_common():
    print(f"{100*n/total:5.1f}%  {c}")
    for (cc,k),m in sub.most_common():
        if cc==c and m/total>=0.003: print(f"        {100*m/total:5.1f}%  {k}")

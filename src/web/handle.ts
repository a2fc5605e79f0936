/** One request to the check service, wherever it runs (worker or page). */
import type { CheckService, ProgressFn } from './check-service';
import { copyPart, withoutCells } from './plan-part';
import type { Calls, Request } from './protocol';

export function handle(service: CheckService, req: Request, onProgress: ProgressFn): unknown {
  switch (req.call) {
    case 'open': {
      const { bytes, fileName } = req.args as Calls['open']['args'];
      return service.open(bytes, onProgress, fileName);
    }
    case 'earlier': {
      const { files } = req.args as Calls['earlier']['args'];
      service.setEarlier(files);
      return { files: files.length };
    }
    case 'check': {
      const result = service.check((req.args as Calls['check']['args']).settings, onProgress);
      return { ...result, plans: withoutCells(result.plans) };
    }
    case 'write': {
      const args = req.args as Calls['write']['args'];
      if ('plans' in args) return service.write(args.plans);
      return service.write(service.lastPlans().map((p) => copyPart(p, args.lastCheck, args.inputRules[p.sheet])));
    }
    case 'preview': {
      const { sheet, a1 } = req.args as Calls['preview']['args'];
      return service.preview(sheet, a1);
    }
    case 'grids':
      return service.grids();
    case 'whatif': {
      const { request, file } = req.args as Calls['whatif']['args'];
      return service.whatif(request, file);
    }
    case 'scopes':
      return service.scopes();
    case 'indicatorPlans': {
      const { indicators, lang } = req.args as Calls['indicatorPlans']['args'];
      return service.indicatorPlans(indicators, lang);
    }
    case 'inputChecks':
      return service.inputChecks((req.args as Calls['inputChecks']['args']).lang);
    default:
      throw new Error(`unknown call ${String(req.call)}`);
  }
}

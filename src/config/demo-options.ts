import Joi from 'joi';
import { ConfigError } from './load-config';

/** Options of the demo seed (`npm run seed:demo`), not of the app: the app never reads them. */
export interface DemoOptions {
  /**
   * DEMO_LEAVE_LAUKKAING_DEPARTURE=true: the Laukkaing story stops just before the repatriation
   * departure of 2023-11-19, so its 273 people (266 Thai, 6 Filipino, 1 Singaporean) wait at
   * `exit_cleared` for someone to record it through the web app's handover builder (the web app's
   * browser tests do). Unset or false (the default): the seed records the departure itself, as the
   * API's tests and the reports' figures expect.
   */
  leaveLaukkaingDeparture: boolean;
}

const schema = Joi.object({ DEMO_LEAVE_LAUKKAING_DEPARTURE: Joi.boolean().default(false) });

export function loadDemoOptions(env: NodeJS.ProcessEnv = process.env): DemoOptions {
  const { value, error } = schema.validate(env, { allowUnknown: true, convert: true });
  if (error) throw new ConfigError(`Invalid configuration: ${error.message}`);
  return {
    leaveLaukkaingDeparture: (value as { DEMO_LEAVE_LAUKKAING_DEPARTURE: boolean })
      .DEMO_LEAVE_LAUKKAING_DEPARTURE,
  };
}

import { checkTheContractAs } from '../support/api-contract';

await checkTheContractAs('admin');

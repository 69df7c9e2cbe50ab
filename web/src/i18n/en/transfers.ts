import type zh from '../zh/transfers';

const transfers: typeof zh = {
  title: 'Transfers',
};

export default transfers;

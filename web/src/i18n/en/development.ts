import type zh from '../zh/development';

const development: typeof zh = {
  title: 'Member development',
};

export default development;
